//! The organization's AI role profile and scope, and the controls of its own
//! beyond Annex A. Scoping under clause 4.1 starts from the organization's roles with
//! respect to AI in ISO/IEC 22989's vocabulary; certification bodies scope audits from
//! them, and they decide which controls an organization that only uses AI can justifiably
//! exclude. The app only *suggests* such exclusions: nothing is excluded without a click.

use crate::model::catalog::{Catalog, ItemId};
use crate::model::level::MaturityLevel;
use crate::model::substance::reason_counts;

/// A role an organization can have with respect to AI (ISO/IEC 22989).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AiRole {
    /// Offers AI systems or services to others.
    Provider,
    /// Designs, develops, tests or deploys AI systems.
    Producer,
    /// Uses AI systems or services it obtains.
    Customer,
    /// Supplies data, tools, components or services around AI (integrators, data
    /// suppliers, auditors of AI).
    Partner,
    /// Is affected by AI systems (as a data subject, an employee, a consumer).
    Subject,
    /// Oversees AI as an authority (regulators, policy makers).
    RelevantAuthority,
}

impl AiRole {
    /// Every role, in ISO/IEC 22989's order.
    pub const ALL: [AiRole; 6] = [
        AiRole::Provider,
        AiRole::Producer,
        AiRole::Customer,
        AiRole::Partner,
        AiRole::Subject,
        AiRole::RelevantAuthority,
    ];

    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            AiRole::Provider => "ai_provider",
            AiRole::Producer => "ai_producer",
            AiRole::Customer => "ai_customer",
            AiRole::Partner => "ai_partner",
            AiRole::Subject => "ai_subject",
            AiRole::RelevantAuthority => "relevant_authority",
        }
    }

    /// The role an export names, if any.
    pub fn parse(s: &str) -> Option<AiRole> {
        AiRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A management system an organization may already run, whose processes an AI
/// management system can reuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ManagementSystem {
    /// ISO/IEC 27001 information security management.
    Iso27001,
    /// ISO 9001 quality management.
    Iso9001,
}

impl ManagementSystem {
    /// Both, in this order.
    pub const ALL: [ManagementSystem; 2] = [ManagementSystem::Iso27001, ManagementSystem::Iso9001];

    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ManagementSystem::Iso27001 => "iso27001",
            ManagementSystem::Iso9001 => "iso9001",
        }
    }

    /// The system an export names, if any.
    pub fn parse(s: &str) -> Option<ManagementSystem> {
        ManagementSystem::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The clause requirements whose process this system usually already runs under the
    /// same harmonized structure: documented information, competence, awareness,
    /// communication, internal audit, management review, improvement.
    fn shared_items(self) -> &'static [&'static str] {
        const HARMONIZED: [&str; 13] = [
            "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2",
            "9.3.3", "10.1", "10.2",
        ];
        match self {
            ManagementSystem::Iso27001 | ManagementSystem::Iso9001 => &HARMONIZED,
        }
    }
}

/// The organization's roles, the scope, and the management systems it already runs
/// (its AI systems are records of the AI system register).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Profile {
    /// Its roles with respect to AI, in [`AiRole::ALL`] order, each once.
    pub roles: Vec<AiRole>,
    /// The scope of the AI management system in the organization's words (clause 4.3),
    /// printed in the title block of the Statement of Applicability.
    pub scope_note: String,
    /// Management systems it already runs, each once.
    pub management_systems: Vec<ManagementSystem>,
    /// Suggested exclusions the person rejected (not suggested again).
    pub declined: Vec<ItemId>,
}

impl Profile {
    /// Whether the organization has `role`.
    pub fn has_role(&self, role: AiRole) -> bool {
        self.roles.contains(&role)
    }

    /// Adds or removes a role, keeping the list in order and free of repeats.
    pub fn set_role(&mut self, role: AiRole, on: bool) {
        self.roles.retain(|&r| r != role);
        if on {
            self.roles.push(role);
            self.roles.sort_unstable();
        }
    }

    /// Adds or removes a management system, kept in order and free of repeats.
    pub fn set_management_system(&mut self, system: ManagementSystem, on: bool) {
        self.management_systems.retain(|&m| m != system);
        if on {
            self.management_systems.push(system);
            self.management_systems.sort_unstable();
        }
    }

    /// The management system the organization runs that usually already covers the
    /// process of `item`, if any (ISO/IEC 27001 first).
    pub fn shared_with(&self, catalog: &Catalog, item: ItemId) -> Option<ManagementSystem> {
        let id = catalog.item(item).id.as_str();
        self.management_systems
            .iter()
            .copied()
            .find(|m| m.shared_items().contains(&id))
    }

    /// Whether the organization designs, develops or offers AI itself.
    pub fn builds_ai(&self) -> bool {
        self.has_role(AiRole::Provider) || self.has_role(AiRole::Producer)
    }

    /// Whether the organization only obtains and uses AI: an AI customer that is neither
    /// provider, producer nor partner (a partner supplies data, tools or integration
    /// around AI, and so has development work to govern).
    pub fn only_uses_ai(&self) -> bool {
        self.has_role(AiRole::Customer) && !self.builds_ai() && !self.has_role(AiRole::Partner)
    }

    /// Roles are recorded, but none that an AI management system governs (provider,
    /// producer, customer or partner): an AI subject or an authority alone has no AI
    /// activity of its own in scope.
    pub fn no_role_in_scope(&self) -> bool {
        !self.roles.is_empty()
            && !self.roles.iter().any(|r| {
                matches!(
                    r,
                    AiRole::Provider | AiRole::Producer | AiRole::Customer | AiRole::Partner
                )
            })
    }
}

/// A control of the organization's own, beyond Annex A (clause 6.1.3 allows them). It is
/// part of the Statement of Applicability and the export; it does not change the
/// ISO/IEC 42001 readiness figures.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AdditionalControl {
    /// The organization's id for it, e.g. `ORG-1`.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where it comes from (a law, a customer contract, another framework).
    pub source: String,
    /// How far it is implemented.
    pub status: Option<MaturityLevel>,
    /// Who is responsible.
    pub owner: String,
    /// Why it is included.
    pub reason: String,
}

impl AdditionalControl {
    /// Whether the Statement of Applicability can state it: a reason that counts and a
    /// status.
    pub fn is_complete(&self) -> bool {
        self.status.is_some() && reason_counts(&self.reason)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in AiRole::ALL {
            assert_eq!(AiRole::parse(r.as_str()), Some(r));
        }
        for m in ManagementSystem::ALL {
            assert_eq!(ManagementSystem::parse(m.as_str()), Some(m));
        }
        assert_eq!(AiRole::parse("deployer"), None);
    }

    #[test]
    fn roles_stay_ordered_and_unique() {
        let mut p = Profile::default();
        p.set_role(AiRole::Subject, true);
        p.set_role(AiRole::Provider, true);
        p.set_role(AiRole::Subject, true);
        assert_eq!(p.roles, vec![AiRole::Provider, AiRole::Subject]);
        p.set_role(AiRole::Provider, false);
        assert_eq!(p.roles, vec![AiRole::Subject]);
        assert!(!p.builds_ai());
    }
}
