//! The action plan: the scoring report's gaps and blockers turned into tasks with a
//! deadline class, an owner and a due date, overdue ones flagged against a given day.
//! One function builds the tasks; the CSV and JSON writers only format them, so the app
//! and `aims-score plan` print the same bytes.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, DocumentId, GroupId, ItemId, ItemKind};
use crate::model::date::Date;
use crate::model::decimal::Fixed;
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::reports::csv::Csv;
use crate::reports::json_out::pretty_line;
use crate::rules::registers::{finding_record, Finding};
use crate::rules::scoring::{stage1_gate, Blocker, Gate, Score, Stage};
use crate::text::messages::Texts;
use serde::Serialize;

/// Before which milestone a task has to be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// It blocks the Stage 1 audit.
    BeforeStage1,
    /// It blocks the Stage 2 certification audit.
    BeforeStage2,
    /// Not needed for certification; it moves an item toward the organization's own target.
    TowardTarget,
}

impl When {
    /// A stable name for JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            When::BeforeStage1 => "before_stage_1",
            When::BeforeStage2 => "before_stage_2",
            When::TowardTarget => "toward_target",
        }
    }

    /// The milestone in words.
    pub fn words(self, texts: Texts) -> &'static str {
        match self {
            When::BeforeStage1 => texts.plan_when_stage1(),
            When::BeforeStage2 => texts.plan_when_stage2(),
            When::TowardTarget => texts.plan_when_target(),
        }
    }

    fn of(stage: Stage) -> When {
        match stage {
            Stage::One => When::BeforeStage1,
            Stage::Two => When::BeforeStage2,
        }
    }
}

/// What has to be done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task<'a> {
    /// Bring an item from its level (`None`: not assessed yet) to the level its blocker
    /// or its target needs.
    Raise {
        /// Where it is.
        current: Option<MaturityLevel>,
        /// The level it needs: the one its blocker asks for, or the target.
        next: MaturityLevel,
        /// The organization's target.
        target: TargetLevel,
    },
    /// Record evidence for a level claimed at 3 or above.
    RecordEvidence(MaturityLevel),
    /// Bring the item a claim builds on to level 3 first.
    RaiseBasis(ItemId),
    /// Include an excluded control again: a mandatory clause is carried out through it.
    IncludeAgain(ItemId),
    /// Write the reason for including a control in the Statement of Applicability.
    WriteReason,
    /// Write the justification for a control marked excluded.
    WriteJustification,
    /// State the scope of the AI management system.
    StateScope,
    /// Give a control of the organization's own (its id) a reason and a status.
    CompleteOwnControl(&'a str),
    /// Produce a mandatory document.
    ProduceDocument(DocumentId),
    /// Settle what a rule of the registers found, about the record of that name (a
    /// system's name, a risk's title; empty when the finding names no record).
    Register(Finding, &'a str),
}

impl Task<'_> {
    /// A stable name for JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Task::Raise { current: None, .. } => "assess",
            Task::Raise { .. } => "raise_level",
            Task::RecordEvidence(_) => "record_evidence",
            Task::RaiseBasis(_) => "raise_basis",
            Task::IncludeAgain(_) => "include_again",
            Task::WriteReason => "write_reason",
            Task::WriteJustification => "write_justification",
            Task::StateScope => "state_scope",
            Task::CompleteOwnControl(_) => "complete_own_control",
            Task::ProduceDocument(_) => "produce_document",
            Task::Register(f, _) => f.kind(),
        }
    }
}

/// The order work on a management system is done in; the plan lists tasks of one stage
/// in this order, so nobody is asked for the SoA's reasons before the scope and the risk
/// method exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// 4.3 and the SoA's scope.
    Scope,
    /// 4.1, 4.2, 4.4.
    Context,
    /// Clause 5, A.2 and A.3.
    PolicyAndRoles,
    /// 6.1.1.
    RiskCriteria,
    /// 6.1.2, 6.1.4, 8.2, 8.4 and A.5.
    Assessments,
    /// 6.1.3, 8.3 and the Statement of Applicability's reasons.
    TreatmentAndSoa,
    /// 6.2 and 6.3.
    Objectives,
    /// Clause 7 and A.4.
    Support,
    /// 8.1 and the controls A.6 to A.10.
    Operation,
    /// 9.1.
    Monitoring,
    /// 9.2.
    InternalAudit,
    /// 9.3.
    ManagementReview,
    /// Clause 10.
    Improvement,
}

impl Phase {
    /// A stable name for JSON.
    pub fn key(self) -> &'static str {
        match self {
            Phase::Scope => "scope",
            Phase::Context => "context",
            Phase::PolicyAndRoles => "policy_and_roles",
            Phase::RiskCriteria => "risk_criteria",
            Phase::Assessments => "risk_and_impact_assessments",
            Phase::TreatmentAndSoa => "treatment_and_soa",
            Phase::Objectives => "objectives",
            Phase::Support => "support",
            Phase::Operation => "operation_and_controls",
            Phase::Monitoring => "monitoring",
            Phase::InternalAudit => "internal_audit",
            Phase::ManagementReview => "management_review",
            Phase::Improvement => "improvement",
        }
    }

    /// The phase an item's work belongs to, from its id.
    pub fn of_item(id: &str) -> Phase {
        match id {
            "4.3" => Phase::Scope,
            "6.1.1" => Phase::RiskCriteria,
            "6.1.2" | "6.1.4" | "8.2" | "8.4" => Phase::Assessments,
            "6.1.3" | "8.3" => Phase::TreatmentAndSoa,
            "9.1" => Phase::Monitoring,
            _ => Self::of_prefix(id),
        }
    }

    fn of_prefix(id: &str) -> Phase {
        const PREFIXES: [(&str, Phase); 12] = [
            ("4.", Phase::Context),
            ("5.", Phase::PolicyAndRoles),
            ("A.2.", Phase::PolicyAndRoles),
            ("A.3.", Phase::PolicyAndRoles),
            ("A.5.", Phase::Assessments),
            ("6.", Phase::Objectives),
            ("7.", Phase::Support),
            ("A.4.", Phase::Support),
            ("9.2", Phase::InternalAudit),
            ("9.3", Phase::ManagementReview),
            ("10.", Phase::Improvement),
            ("9.", Phase::Monitoring),
        ];
        PREFIXES
            .iter()
            .find(|(prefix, _)| id.starts_with(prefix))
            .map_or(Phase::Operation, |&(_, phase)| phase)
    }
}

/// One line of the action plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'a> {
    /// The item the task is about (for a document: the requirement that names it).
    pub item: Option<ItemId>,
    /// What to do.
    pub task: Task<'a>,
    /// Before which milestone.
    pub when: When,
    /// Where in the order of work it falls.
    pub phase: Phase,
    /// The gap priority of a `Raise` task (see [`crate::rules::scoring::Gap`]); 0 otherwise.
    pub priority: u32,
    /// Who is responsible (the item's owner).
    pub owner: &'a str,
    /// When it should be done (the item's due date).
    pub due: Option<Date>,
    /// The due date has passed.
    pub overdue: bool,
}

impl Step<'_> {
    /// What to do, in words; a level task with the catalog's description of the level
    /// it needs.
    pub fn words(&self, catalog: &Catalog, texts: Texts) -> String {
        let id = |i: ItemId| catalog.item(i).id.clone();
        match self.task {
            Task::Raise { current, next, .. } => {
                let hint = self
                    .item
                    .map_or("", |i| catalog.item(i).levels[next as usize].as_str());
                let text = match current {
                    None => texts.plan_task_assess(),
                    Some(_) => texts.plan_task_raise(),
                };
                texts.tf(
                    text,
                    &[
                        (
                            "current",
                            &current.map_or_else(String::new, |l| l.to_string()),
                        ),
                        ("next", &next.to_string()),
                        ("hint", hint),
                    ],
                )
            }
            Task::RecordEvidence(level) => {
                texts.tf(texts.plan_task_evidence(), &[("level", &level.to_string())])
            }
            Task::RaiseBasis(basis) => texts.tf(texts.plan_task_basis(), &[("basis", &id(basis))]),
            Task::IncludeAgain(clause) => {
                texts.tf(texts.plan_task_include(), &[("clause", &id(clause))])
            }
            Task::WriteReason => texts.plan_task_reason().to_owned(),
            Task::WriteJustification => texts.plan_task_justification().to_owned(),
            Task::StateScope => texts.plan_task_scope().to_owned(),
            Task::CompleteOwnControl(own) => {
                texts.tf(texts.plan_task_own_control(), &[("id", own)])
            }
            Task::ProduceDocument(doc) => texts.tf(
                texts.plan_task_document(),
                &[("document", &catalog.document(doc).title)],
            ),
            Task::Register(finding, name) => finding_words(catalog, finding, name, texts),
        }
    }
}

/// What a finding of the registers asks for, in words: `name` is the record it names
/// ([`finding_record`]). The blockers list and the action plan both say it.
pub fn finding_words(catalog: &Catalog, finding: Finding, name: &str, texts: Texts) -> String {
    let (text, name) = match finding {
        Finding::ExcludedControlTreatsRisk(control) => (
            texts.finding_excluded_control(),
            catalog.item(control).label(),
        ),
        Finding::SystemWithoutImpactAssessment(_) => (texts.finding_no_impact(), name.into()),
        Finding::EmptyRiskRegister => (texts.finding_no_risks(), String::new()),
        Finding::RiskUntreated(_) => (texts.finding_untreated(), name.into()),
        Finding::RiskNotAccepted(_) => (texts.finding_not_accepted(), name.into()),
    };
    texts.tf(text, &[("name", &name)])
}

/// How the plan is grouped on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Grouping {
    /// By clause 4–10 and Annex A group A.2 … A.10.
    #[default]
    Clause,
    /// By the group an item sits in directly (A.6.1 and A.6.2 apart).
    Objective,
}

/// The group a step is shown under; `None` for one without an item.
pub fn group_of(catalog: &Catalog, step: &Step, grouping: Grouping) -> Option<GroupId> {
    let item = step.item?;
    Some(match grouping {
        Grouping::Clause => catalog.top_group(item),
        Grouping::Objective => catalog.item_group(item),
    })
}

/// The action plan for `report` (the score of `assessment`), overdue flags against
/// `today`: Stage 1 tasks first, then Stage 2, then those toward the targets; within
/// each, in the order the work is done ([`Phase`]), then gaps of higher priority first,
/// then catalog order.
pub fn plan<'a>(
    catalog: &Catalog,
    assessment: &'a Assessment,
    report: &Score,
    today: Date,
) -> Vec<Step<'a>> {
    let step = |item: Option<ItemId>, task: Task<'a>, when: When, priority: u32| {
        let answer = item.map(|i| assessment.answer(i));
        let due = answer.and_then(|a| a.due);
        let phase = match task {
            Task::StateScope => Phase::Scope,
            Task::WriteReason
            | Task::WriteJustification
            | Task::IncludeAgain(_)
            | Task::CompleteOwnControl(_)
            | Task::Register(
                Finding::ExcludedControlTreatsRisk(_)
                | Finding::RiskUntreated(_)
                | Finding::RiskNotAccepted(_),
                _,
            ) => Phase::TreatmentAndSoa,
            Task::Register(..) => Phase::Assessments,
            _ => item.map_or(Phase::Operation, |i| Phase::of_item(&catalog.item(i).id)),
        };
        Step {
            item,
            task,
            when,
            phase,
            priority,
            owner: answer.map_or("", |a| a.owner.trim()),
            due,
            overdue: due.is_some_and(|d| d < today),
        }
    };
    // The level task of an item stands in front of the earliest stage its level
    // blockers stand in front of, and aims at the level that blocker needs. A missing
    // SoA reason or evidence is a task of its own.
    let needs = |item: ItemId| {
        report
            .blockers
            .iter()
            .filter_map(|b| {
                needed_level(catalog, *b)
                    .filter(|&(i, _)| i == item)
                    .map(|(_, l)| (b.stage(catalog), l))
            })
            .min()
    };
    let mut steps: Vec<Step<'a>> = Vec::new();
    for gap in &report.gaps {
        let (when, next) = match needs(gap.item) {
            Some((stage, level)) => (When::of(stage), level),
            None => (When::TowardTarget, gap.target.as_maturity()),
        };
        let task = Task::Raise {
            current: gap.current,
            next,
            target: gap.target,
        };
        steps.push(step(Some(gap.item), task, when, gap.priority));
    }
    for &b in &report.blockers {
        let when = When::of(b.stage(catalog));
        let task = match b {
            Blocker::NoEvidence(i) => Some((
                Some(i),
                Task::RecordEvidence(
                    assessment
                        .answer(i)
                        .maturity
                        .unwrap_or(MaturityLevel::AUDIT_READY),
                ),
            )),
            Blocker::InconsistentClaim { item, basis } => {
                Some((Some(item), Task::RaiseBasis(basis)))
            }
            Blocker::ExclusionConflict { control, clause } => {
                Some((Some(control), Task::IncludeAgain(clause)))
            }
            Blocker::SoaMissingReason(i) => Some((Some(i), Task::WriteReason)),
            Blocker::SoaDefect(i) => Some((Some(i), Task::WriteJustification)),
            Blocker::SoaNoScope => Some((None, Task::StateScope)),
            Blocker::OwnControlIncomplete(n) => assessment
                .additional
                .get(n)
                .map(|own| (None, Task::CompleteOwnControl(own.id.as_str()))),
            Blocker::MissingDocument(d) => {
                Some((catalog.document_item(d), Task::ProduceDocument(d)))
            }
            Blocker::Register(f) => {
                let name = finding_record(&assessment.registers, f).map_or("", |(_, n)| n);
                Some((f.item(catalog), Task::Register(f, name)))
            }
            Blocker::Unanswered(_)
            | Blocker::BelowMinimum(..)
            | Blocker::GateBelowUnderWay(..)
            | Blocker::GateBelowAuditReady(..)
            | Blocker::BelowAuditReady(..) => None,
        };
        if let Some((item, task)) = task {
            steps.push(step(item, task, when, 0));
        }
    }
    // Stable: equal keys keep the order above (gaps by priority, then blockers in
    // catalog order).
    steps.sort_by_key(|s| (s.when, s.phase, std::cmp::Reverse(s.priority)));
    steps
}

/// The item of a blocker about an item's level, and the level that blocker needs: 2 for
/// a clause requirement below the minimum and for internal audit and management review
/// before Stage 1; 3 otherwise. An unanswered item needs what its Stage 1 gate asks,
/// 2 for any other clause requirement (its minimum), and 3 for a control.
fn needed_level(catalog: &Catalog, b: Blocker) -> Option<(ItemId, MaturityLevel)> {
    let level = match b {
        Blocker::BelowMinimum(..) | Blocker::GateBelowUnderWay(..) => MaturityLevel::L2,
        Blocker::Unanswered(i) => match stage1_gate(catalog, i) {
            Some(Gate::AuditReady) => MaturityLevel::AUDIT_READY,
            Some(Gate::UnderWay) => MaturityLevel::L2,
            None if catalog.item(i).kind == ItemKind::Clause => MaturityLevel::L2,
            None => MaturityLevel::AUDIT_READY,
        },
        Blocker::GateBelowAuditReady(..) | Blocker::BelowAuditReady(..) => {
            MaturityLevel::AUDIT_READY
        }
        _ => return None,
    };
    b.item().map(|i| (i, level))
}

/// The CSV columns in the active language, in their documented order (docs/reports.md).
pub fn csv_columns(texts: Texts) -> [&'static str; 13] {
    [
        texts.csv_plan_rank(),
        texts.csv_plan_when(),
        texts.csv_plan_item(),
        texts.csv_plan_title(),
        texts.csv_plan_clause_or_control_objective(),
        texts.csv_plan_task(),
        texts.csv_plan_what_to_do(),
        texts.csv_plan_current_level(),
        texts.csv_plan_next_level(),
        texts.csv_plan_target_level(),
        texts.csv_plan_owner(),
        texts.csv_plan_due(),
        texts.csv_plan_overdue(),
    ]
}

/// The action plan as CSV, one row per task, in plan order.
pub fn csv(
    catalog: &Catalog,
    assessment: &Assessment,
    report: &Score,
    today: Date,
    texts: Texts,
) -> String {
    let mut out = Csv::new(&csv_columns(texts));
    for (rank, a) in plan(catalog, assessment, report, today).iter().enumerate() {
        let (id, title, group) = match a.item {
            Some(i) => (
                catalog.item(i).id.as_str(),
                catalog.item(i).title.as_str(),
                catalog.group(catalog.item_group(i)).id.as_str(),
            ),
            None => ("", "", ""),
        };
        let [current, next, target] =
            levels(a).map(|l| l.map_or_else(String::new, |n| n.to_string()));
        out.row(&[
            (rank + 1).to_string().as_str(),
            a.when.words(texts),
            id,
            title,
            group,
            a.task.key(),
            &a.words(catalog, texts),
            &current,
            &next,
            &target,
            a.owner,
            &a.due.map(|d| d.to_string()).unwrap_or_default(),
            if a.overdue { texts.soa_yes() } else { "" },
        ]);
    }
    out.finish()
}

/// The current, next and target levels of a `Raise` task.
fn levels(a: &Step) -> [Option<u8>; 3] {
    match a.task {
        Task::Raise {
            current,
            next,
            target,
        } => [
            current.map(MaturityLevel::number),
            Some(next.number()),
            Some(target.number()),
        ],
        _ => [None; 3],
    }
}

/// The action plan as JSON (docs/reports.md).
#[derive(Serialize)]
struct PlanDoc<'a> {
    document: &'static str,
    organization: &'a str,
    assessment: &'a str,
    version: &'a str,
    today: String,
    overdue: usize,
    actions: Vec<Action<'a>>,
}

/// One task; what does not apply to it is `null`.
#[derive(Serialize)]
struct Action<'a> {
    item: Option<&'a str>,
    when: &'static str,
    phase: &'static str,
    task: &'static str,
    document: Option<&'a str>,
    text: String,
    current_level: Option<u8>,
    next_level: Option<u8>,
    target_level: Option<u8>,
    priority: Fixed,
    owner: &'a str,
    due: Option<String>,
    overdue: bool,
}

/// The action plan as pretty JSON (docs/reports.md).
pub fn json(catalog: &Catalog, assessment: &Assessment, report: &Score, today: Date) -> String {
    let steps = plan(catalog, assessment, report, today);
    pretty_line(&PlanDoc {
        document: "action_plan",
        organization: &assessment.organization,
        assessment: &assessment.name,
        version: assessment.updated.as_str(),
        today: today.to_string(),
        overdue: steps.iter().filter(|a| a.overdue).count(),
        actions: steps.iter().map(|a| action(catalog, a)).collect(),
    })
}

fn action<'a>(catalog: &'a Catalog, a: &Step<'a>) -> Action<'a> {
    let document = match a.task {
        Task::ProduceDocument(d) => Some(catalog.document(d).id.as_str()),
        _ => None,
    };
    let [current_level, next_level, target_level] = levels(a);
    Action {
        item: a.item.map(|i| catalog.item(i).id.as_str()),
        when: a.when.key(),
        phase: a.phase.key(),
        task: a.task.key(),
        document,
        // The JSON is for programs: always English.
        text: a.words(catalog, Texts::ENGLISH),
        current_level,
        next_level,
        target_level,
        priority: Fixed {
            units: a.priority.into(),
            decimals: 2,
        },
        owner: a.owner,
        due: a.due.map(|d| d.to_string()),
        overdue: a.overdue,
    }
}
