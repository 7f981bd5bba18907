//! The catalogue of ledger lines: every cost and benefit the model books, with its
//! initiative, kind and name in both languages.

use crate::model::{Initiative, LineKind, Text};

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

/// A line the model computes (custom lines are named by the user instead).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // The names say it; `title` gives the words.
pub enum LineId {
    ChatbotSetup,
    ChatbotHidden,
    ChatbotLicence,
    ChatbotMaintenance,
    ChatbotResolutionFees,
    ChatbotDip,
    ChatbotAgentTime,
    ChatbotRetention,
    OmnichannelSetup,
    OmnichannelHidden,
    OmnichannelLicence,
    OmnichannelDip,
    OmnichannelAgentTime,
    OmnichannelRetention,
    TrainingCourse,
    TrainingTrainers,
    TrainingHoursOff,
    TrainingHidden,
    TrainingRefresher,
    TrainingAgentTime,
    TrainingReplacements,
    TrainingRetention,
}

impl LineId {
    /// Every computed line, in ledger order (costs before benefits within an initiative).
    pub const ALL: [LineId; 22] = [
        LineId::ChatbotSetup,
        LineId::ChatbotHidden,
        LineId::ChatbotLicence,
        LineId::ChatbotMaintenance,
        LineId::ChatbotResolutionFees,
        LineId::ChatbotDip,
        LineId::ChatbotAgentTime,
        LineId::ChatbotRetention,
        LineId::OmnichannelSetup,
        LineId::OmnichannelHidden,
        LineId::OmnichannelLicence,
        LineId::OmnichannelDip,
        LineId::OmnichannelAgentTime,
        LineId::OmnichannelRetention,
        LineId::TrainingCourse,
        LineId::TrainingTrainers,
        LineId::TrainingHoursOff,
        LineId::TrainingHidden,
        LineId::TrainingRefresher,
        LineId::TrainingAgentTime,
        LineId::TrainingReplacements,
        LineId::TrainingRetention,
    ];

    /// The initiative the line belongs to.
    pub fn initiative(self) -> Initiative {
        use LineId::*;
        match self {
            ChatbotSetup
            | ChatbotHidden
            | ChatbotLicence
            | ChatbotMaintenance
            | ChatbotResolutionFees
            | ChatbotDip
            | ChatbotAgentTime
            | ChatbotRetention => Initiative::Chatbot,
            OmnichannelSetup | OmnichannelHidden | OmnichannelLicence | OmnichannelDip
            | OmnichannelAgentTime | OmnichannelRetention => Initiative::Omnichannel,
            TrainingCourse | TrainingTrainers | TrainingHoursOff | TrainingHidden
            | TrainingRefresher | TrainingAgentTime | TrainingReplacements | TrainingRetention => {
                Initiative::Training
            }
        }
    }

    /// Cost or benefit.
    pub fn kind(self) -> LineKind {
        self.risk_class().kind()
    }

    /// How the line is risk-adjusted: a cost, an efficiency saving, or revenue (the margin of
    /// retained customers, which reacts later and is less certain).
    pub fn risk_class(self) -> RiskClass {
        use LineId::*;
        match self {
            ChatbotAgentTime | OmnichannelAgentTime | TrainingAgentTime | TrainingReplacements => {
                RiskClass::Saving
            }
            ChatbotRetention | OmnichannelRetention | TrainingRetention => RiskClass::Revenue,
            ChatbotSetup
            | ChatbotHidden
            | ChatbotLicence
            | ChatbotMaintenance
            | ChatbotResolutionFees
            | ChatbotDip
            | OmnichannelSetup
            | OmnichannelHidden
            | OmnichannelLicence
            | OmnichannelDip
            | TrainingCourse
            | TrainingTrainers
            | TrainingHoursOff
            | TrainingHidden
            | TrainingRefresher => RiskClass::Cost,
        }
    }

    /// The line's name in the ledger, the table and exports.
    pub fn title(self) -> Text {
        use LineId::*;
        let t = |en, nl| Text { en, nl };
        match self {
            ChatbotSetup => t("chatbot implementation", "chatbot implementatie"),
            ChatbotHidden => t("chatbot hidden costs", "chatbot verborgen kosten"),
            ChatbotLicence => t("chatbot licence", "chatbot licentie"),
            ChatbotMaintenance => t(
                "chatbot maintenance and content",
                "chatbot onderhoud en content",
            ),
            ChatbotResolutionFees => t(
                "chatbot fees per resolution",
                "chatbot kosten per oplossing",
            ),
            ChatbotDip => t(
                "chatbot go-live productivity dip",
                "chatbot productiedip bij livegang",
            ),
            ChatbotAgentTime => t(
                "agent time saved by the chatbot",
                "agenttijd bespaard door de chatbot",
            ),
            ChatbotRetention => t(
                "margin of customers retained by the chatbot",
                "marge van klanten behouden door de chatbot",
            ),
            OmnichannelSetup => t(
                "omnichannel set-up and integration",
                "omnichannel inrichting en koppelingen",
            ),
            OmnichannelHidden => t("omnichannel hidden costs", "omnichannel verborgen kosten"),
            OmnichannelLicence => t(
                "omnichannel seat licences",
                "omnichannel licenties per plek",
            ),
            OmnichannelDip => t(
                "omnichannel go-live productivity dip",
                "omnichannel productiedip bij livegang",
            ),
            OmnichannelAgentTime => t(
                "agent time saved by omnichannel",
                "agenttijd bespaard door omnichannel",
            ),
            OmnichannelRetention => t(
                "margin of customers retained by omnichannel",
                "marge van klanten behouden door omnichannel",
            ),
            TrainingCourse => t("training course fees", "training cursuskosten"),
            TrainingTrainers => t("training trainer days", "training trainersdagen"),
            TrainingHoursOff => t("training hours off the phone", "training uren uit de lijn"),
            TrainingHidden => t("training hidden costs", "training verborgen kosten"),
            TrainingRefresher => t(
                "training refresher and coaching",
                "training opfrissen en coaching",
            ),
            TrainingAgentTime => t(
                "agent time saved by training",
                "agenttijd bespaard door training",
            ),
            TrainingReplacements => t(
                "avoided agent replacements",
                "vermeden vervanging van agents",
            ),
            TrainingRetention => t(
                "margin of customers retained by training",
                "marge van klanten behouden door training",
            ),
        }
    }
}
