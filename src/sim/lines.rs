//! The table of ledger lines: every cost and benefit the model books, declared once with its
//! stable key, initiative and nature. Everything that lists lines derives from it: the totals
//! and running costs of a month, the spend per initiative, the JSON keys, the spreadsheet's
//! columns. A line's formula is one arm of an exhaustive `match` in the engine and in the
//! spreadsheet, so the compiler names a new line left out of either. Its words are in
//! [`crate::text`].

use crate::model::{Initiative, LineKind};

/// How a line is risk-adjusted: costs are raised by the cost risk, savings lowered by the risk
/// on savings, revenue lowered by the risk on revenue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiskClass {
    /// Money spent.
    Cost,
    /// An efficiency saving: agent time, avoided replacements, a custom benefit.
    Saving,
    /// Revenue-type: margin of retained customers, a custom line marked as revenue.
    Revenue,
}

impl RiskClass {
    /// Cost or benefit.
    pub fn kind(self) -> LineKind {
        match self {
            RiskClass::Cost => LineKind::Cost,
            RiskClass::Saving | RiskClass::Revenue => LineKind::Benefit,
        }
    }

    /// The class of a custom line of `kind`, marked as revenue or not.
    pub fn of_custom(kind: LineKind, revenue: bool) -> RiskClass {
        match (kind, revenue) {
            (LineKind::Cost, _) => RiskClass::Cost,
            (LineKind::Benefit, false) => RiskClass::Saving,
            (LineKind::Benefit, true) => RiskClass::Revenue,
        }
    }
}

/// What a line is, which decides where it counts besides the totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Nature {
    /// A one-off cost (set-up, hidden costs, the course and what comes with it).
    OneOff,
    /// A cost of every month the initiative runs (licences, maintenance, fees, refreshers):
    /// part of the cost per contact.
    Running,
    /// The productivity dip in the go-live month.
    Dip,
    /// Agent time saved: what the agent cost falls by (the cost per contact nets it off).
    AgentTime,
    /// Another efficiency saving (avoided agent replacements).
    OtherSaving,
    /// A cost that follows the headcount path (severance, the course for new hires).
    Headcount,
    /// The margin of customers retained (revenue-type).
    Retention,
}

impl Nature {
    /// How a line of this nature is risk-adjusted.
    pub const fn risk_class(self) -> RiskClass {
        match self {
            Nature::OneOff | Nature::Running | Nature::Dip | Nature::Headcount => RiskClass::Cost,
            Nature::AgentTime | Nature::OtherSaving => RiskClass::Saving,
            Nature::Retention => RiskClass::Revenue,
        }
    }
}

/// Declares [`LineId`] and its table: `Variant: "key", Initiative, Nature;` in ledger order
/// (costs before benefits within an initiative).
macro_rules! ledger_lines {
    ($( $(#[$doc:meta])* $id:ident: $key:literal, $initiative:ident, $nature:ident; )*) => {
        /// A line the model computes (custom lines are named by the user instead).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum LineId {
            $( $(#[$doc])* $id, )*
        }

        impl LineId {
            /// Every computed line, in ledger order.
            pub const ALL: [LineId; [$(LineId::$id),*].len()] = [$(LineId::$id),*];

            /// How many computed lines there are.
            pub const COUNT: usize = LineId::ALL.len();

            /// The stable key of the line in the JSON and the spreadsheet, e.g.
            /// `chatbot_licence`; it never changes with the wording.
            pub const fn key(self) -> &'static str {
                match self {
                    $( LineId::$id => $key, )*
                }
            }

            /// The initiative the line belongs to.
            pub const fn initiative(self) -> Initiative {
                match self {
                    $( LineId::$id => Initiative::$initiative, )*
                }
            }

            /// What the line is.
            pub const fn nature(self) -> Nature {
                match self {
                    $( LineId::$id => Nature::$nature, )*
                }
            }
        }
    };
}

ledger_lines! {
    /// The chatbot's implementation cost, in its start month.
    ChatbotSetup: "chatbot_setup", Chatbot, OneOff;
    /// Hidden costs on top of the chatbot's implementation.
    ChatbotHidden: "chatbot_hidden", Chatbot, OneOff;
    /// The chatbot's licence, from its start month.
    ChatbotLicence: "chatbot_licence", Chatbot, Running;
    /// Maintenance and content, from go-live.
    ChatbotMaintenance: "chatbot_maintenance", Chatbot, Running;
    /// The vendor's fee for each resolution it counts.
    ChatbotResolutionFees: "chatbot_resolution_fees", Chatbot, Running;
    /// The chatbot's go-live productivity dip.
    ChatbotDip: "chatbot_dip", Chatbot, Dip;
    /// The chatbot's share of the severance beyond the baseline's (staffing by service level).
    ChatbotSeverance: "chatbot_severance", Chatbot, Headcount;
    /// Agent time saved by the contacts the bot resolves (staffing by service level: its share
    /// of the people costs the headcount path saves).
    ChatbotAgentTime: "chatbot_agent_time", Chatbot, AgentTime;
    /// Margin of the customers the chatbot keeps.
    ChatbotRetention: "chatbot_retention", Chatbot, Retention;
    /// The omnichannel platform's set-up and integration.
    OmnichannelSetup: "omnichannel_setup", Omnichannel, OneOff;
    /// Hidden costs on top of the set-up.
    OmnichannelHidden: "omnichannel_hidden", Omnichannel, OneOff;
    /// Seat licences, from the start month.
    OmnichannelLicence: "omnichannel_licence", Omnichannel, Running;
    /// The omnichannel go-live productivity dip.
    OmnichannelDip: "omnichannel_dip", Omnichannel, Dip;
    /// Omnichannel's share of the severance beyond the baseline's.
    OmnichannelSeverance: "omnichannel_severance", Omnichannel, Headcount;
    /// Agent time saved by omnichannel.
    OmnichannelAgentTime: "omnichannel_agent_time", Omnichannel, AgentTime;
    /// Margin of the customers omnichannel keeps.
    OmnichannelRetention: "omnichannel_retention", Omnichannel, Retention;
    /// Course fees for every agent.
    TrainingCourse: "training_course", Training, OneOff;
    /// Trainer days.
    TrainingTrainers: "training_trainers", Training, OneOff;
    /// Agent hours off the phone during the course.
    TrainingHoursOff: "training_hours_off", Training, OneOff;
    /// Hidden costs on top of the course.
    TrainingHidden: "training_hidden", Training, OneOff;
    /// Refreshers and coaching, from the effect month.
    TrainingRefresher: "training_refresher", Training, Running;
    /// The course for new hires, when they are trained too (staffing by service level).
    TrainingNewHires: "training_new_hires", Training, Headcount;
    /// Training's share of the severance beyond the baseline's.
    TrainingSeverance: "training_severance", Training, Headcount;
    /// Agent time saved by training.
    TrainingAgentTime: "training_agent_time", Training, AgentTime;
    /// Agent replacements avoided by lower attrition.
    TrainingReplacements: "training_replacements", Training, OtherSaving;
    /// Margin of the customers training keeps.
    TrainingRetention: "training_retention", Training, Retention;
}

impl LineId {
    /// How the line is risk-adjusted: a cost, an efficiency saving, or revenue (the margin of
    /// retained customers, which reacts later and is less certain).
    pub const fn risk_class(self) -> RiskClass {
        self.nature().risk_class()
    }

    /// Cost or benefit.
    pub fn kind(self) -> LineKind {
        self.risk_class().kind()
    }

    /// The line's place in [`LineId::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The line with this key, if any.
    pub fn from_key(key: &str) -> Option<LineId> {
        LineId::ALL.into_iter().find(|id| id.key() == key)
    }
}

/// One value per computed line, indexed by [`LineId`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerLine<N>(pub [N; LineId::COUNT]);

impl<N: Copy> PerLine<N> {
    /// Every line at `value`.
    pub fn splat(value: N) -> Self {
        PerLine([value; LineId::COUNT])
    }
}

impl<N> std::ops::Index<LineId> for PerLine<N> {
    type Output = N;
    fn index(&self, id: LineId) -> &N {
        &self.0[id.index()]
    }
}

impl<N> std::ops::IndexMut<LineId> for PerLine<N> {
    fn index_mut(&mut self, id: LineId) -> &mut N {
        &mut self.0[id.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_ledger_order_with_unique_keys() {
        for (i, id) in LineId::ALL.into_iter().enumerate() {
            assert_eq!(id.index(), i, "{id:?}");
            assert_eq!(LineId::from_key(id.key()), Some(id));
            assert!(id.key().starts_with(id.initiative().key()), "{id:?}");
        }
        // Within an initiative the costs come before the benefits.
        for w in LineId::ALL.windows(2) {
            if w[0].initiative() == w[1].initiative() {
                assert!(!(w[0].kind() == LineKind::Benefit && w[1].kind() == LineKind::Cost));
            }
        }
    }
}
