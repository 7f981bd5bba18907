//! The scenarios shipped inside the binary, so the program works with no files beside it.

use crate::model::file::{self, ParseError};
use crate::model::{Text, ValidScenario};

/// A scenario shipped with the program.
#[derive(Clone, Copy, Debug)]
pub struct Bundled {
    /// The name used on the command line and in the menu, e.g. `chatbot`.
    pub name: &'static str,
    /// What it shows.
    pub description: Text,
    /// The RON text.
    pub text: &'static str,
}

/// Every bundled scenario.
pub const BUNDLED: [Bundled; 5] = [
    Bundled {
        name: "chatbot",
        description: Text {
            en: "AI chatbot for a mid-size contact centre",
            nl: "AI-chatbot voor een middelgroot klantcontactcentrum",
        },
        text: include_str!("../scenarios/chatbot.ron"),
    },
    Bundled {
        name: "omnichannel",
        description: Text {
            en: "Omnichannel platform with CRM integration",
            nl: "Omnichannelplatform met CRM-koppeling",
        },
        text: include_str!("../scenarios/omnichannel.ron"),
    },
    Bundled {
        name: "training",
        description: Text {
            en: "Training programme for all agents",
            nl: "Trainingsprogramma voor alle agents",
        },
        text: include_str!("../scenarios/training.ron"),
    },
    Bundled {
        name: "combined",
        description: Text {
            en: "Chatbot, omnichannel and training together",
            nl: "Chatbot, omnichannel en training samen",
        },
        text: include_str!("../scenarios/combined.ron"),
    },
    Bundled {
        name: "worked-example",
        description: Text {
            en: "The worked example from the articles: €100,000 in, ROI 100%",
            nl: "Het rekenvoorbeeld uit de artikelen: € 100.000 erin, ROI 100%",
        },
        text: include_str!("../scenarios/worked-example.ron"),
    },
];

/// The bundled scenario called `name`.
pub fn find(name: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.name == name)
}

impl Bundled {
    /// Reads and validates the scenario.
    pub fn load(&self) -> Result<ValidScenario, ParseError> {
        file::parse(self.text)
    }
}
