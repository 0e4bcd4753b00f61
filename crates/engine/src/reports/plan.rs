//! The action plan: the scoring report's gaps and blockers turned into tasks with a
//! deadline class, an owner and a due date, overdue ones flagged against a given day.
//! One function builds the tasks; the CSV and JSON writers only format them, so the app
//! and `aims-score plan` print the same bytes.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, DocumentId, GroupId, ItemId};
use crate::model::date::Date;
use crate::model::decimal::Fixed;
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::reports::csv::Csv;
use crate::reports::json_out::pretty_line;
use crate::rules::scoring::{Blocker, Score, Stage};
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
pub enum Task {
    /// Raise an item from its level (`None`: not assessed yet) to the next one.
    Raise {
        /// Where it is.
        current: Option<MaturityLevel>,
        /// The level to reach next.
        next: MaturityLevel,
        /// The organization's target.
        target: TargetLevel,
    },
    /// Record evidence for a level claimed at 3 or above.
    RecordEvidence(MaturityLevel),
    /// Write the reason for including a control in the Statement of Applicability.
    WriteReason,
    /// Write the justification for a control marked excluded.
    WriteJustification,
    /// Produce a mandatory document.
    ProduceDocument(DocumentId),
}

impl Task {
    /// A stable name for JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            Task::Raise { current: None, .. } => "assess",
            Task::Raise { .. } => "raise_level",
            Task::RecordEvidence(_) => "record_evidence",
            Task::WriteReason => "write_reason",
            Task::WriteJustification => "write_justification",
            Task::ProduceDocument(_) => "produce_document",
        }
    }
}

/// One line of the action plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'a> {
    /// The item the task is about (for a document: the requirement that names it).
    pub item: Option<ItemId>,
    /// What to do.
    pub task: Task,
    /// Before which milestone.
    pub when: When,
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
    /// What to do, in words, with the catalog's description of the next level.
    pub fn words(&self, catalog: &Catalog, texts: Texts) -> String {
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
            Task::WriteReason => texts.plan_task_reason().to_owned(),
            Task::WriteJustification => texts.plan_task_justification().to_owned(),
            Task::ProduceDocument(doc) => texts.tf(
                texts.plan_task_document(),
                &[("document", &catalog.document(doc).title)],
            ),
        }
    }
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
/// each, gaps of higher priority first, then catalog order.
pub fn plan<'a>(
    catalog: &Catalog,
    assessment: &'a Assessment,
    report: &Score,
    today: Date,
) -> Vec<Step<'a>> {
    let step = |item: Option<ItemId>, task: Task, when: When, priority: u32| {
        let answer = item.map(|i| assessment.answer(i));
        let due = answer.and_then(|a| a.due);
        Step {
            item,
            task,
            when,
            priority,
            owner: answer.map_or("", |a| a.owner.trim()),
            due,
            overdue: due.is_some_and(|d| d < today),
        }
    };
    // The stage a level task stands in front of comes from the item's level blockers
    // only: a missing SoA reason or evidence is a task of its own.
    let stage_of = |item: ItemId| {
        report
            .blockers
            .iter()
            .filter(|b| level_blocker_item(**b) == Some(item))
            .map(|b| b.stage(catalog))
            .min()
    };
    let mut steps: Vec<Step<'a>> = Vec::new();
    for gap in &report.gaps {
        // Not assessed yet: the first thing to know is how far it is from the audit bar.
        let next = gap
            .current
            .map_or(MaturityLevel::AUDIT_READY, MaturityLevel::up);
        let when = stage_of(gap.item).map_or(When::TowardTarget, When::of);
        let task = Task::Raise {
            current: gap.current,
            next,
            target: gap.target,
        };
        steps.push(step(Some(gap.item), task, when, gap.priority));
    }
    for &b in &report.blockers {
        let when = When::of(b.stage(catalog));
        match b {
            Blocker::NoEvidence(i) => {
                let level = assessment
                    .answer(i)
                    .maturity
                    .unwrap_or(MaturityLevel::AUDIT_READY);
                steps.push(step(Some(i), Task::RecordEvidence(level), when, 0));
            }
            Blocker::SoaMissingReason(i) => steps.push(step(Some(i), Task::WriteReason, when, 0)),
            Blocker::SoaDefect(i) => steps.push(step(Some(i), Task::WriteJustification, when, 0)),
            Blocker::MissingDocument(d) => steps.push(step(
                catalog.document_item(d),
                Task::ProduceDocument(d),
                when,
                0,
            )),
            _ => {}
        }
    }
    // Stable: equal keys keep the order above (gaps by priority, then blockers in
    // catalog order).
    steps.sort_by(|a, b| {
        (a.when, std::cmp::Reverse(a.priority)).cmp(&(b.when, std::cmp::Reverse(b.priority)))
    });
    steps
}

/// The item of a blocker about an item's level (unanswered or below a bar).
fn level_blocker_item(b: Blocker) -> Option<ItemId> {
    match b {
        Blocker::Unanswered(i)
        | Blocker::BelowMinimum(i, _)
        | Blocker::GateBelowAuditReady(i, _)
        | Blocker::BelowAuditReady(i, _) => Some(i),
        _ => None,
    }
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
