//! What the start view offers, as plain data: the guided form's figures (each with where a
//! manager finds it), its initiatives, what was typed, and the scenario it makes; one line on
//! each example. Drawn by [`crate::ui::start_ui`].

use rust_decimal::Decimal;

use crate::bundled;
use crate::i18n::Text;
use crate::model::sources::InputSource;
use crate::model::{Initiative, InputDescriptor, Lang, Scenario, input_by_path};
use crate::view::{input_shown as shown, input_with_unit as with_unit};

/// The baseline figures the form asks for, with where a manager finds each one.
pub const FORM_FIGURES: [(&str, Text); 9] = [
    (
        "baseline.contacts_per_month",
        Text {
            en: "From the monthly report of the telephony, chat and e-mail systems: every contact agents handle, repeats included.",
            nl: "Uit het maandrapport van telefonie, chat en e-mail: elk contact dat agents behandelen, herhalingen inbegrepen.",
        },
    ),
    (
        "baseline.handle_time_minutes",
        Text {
            en: "The telephony or ticketing report's average handle time: talk and after-contact work together.",
            nl: "De gemiddelde afhandeltijd uit het telefonie- of ticketrapport: gesprek en nawerk samen.",
        },
    ),
    (
        "baseline.agents_fte",
        Text {
            en: "The payroll or roster: paid agent FTE, not heads.",
            nl: "De salarisadministratie of het rooster: betaalde agent-fte, geen koppen.",
        },
    ),
    (
        "baseline.agent_cost_per_paid_hour",
        Text {
            en: "From finance: an agent's monthly cost (pay, employer charges, workplace, management) ÷ paid hours.",
            nl: "Van financiën: de maandkosten van een agent (loon, werkgeverslasten, werkplek, leiding) ÷ betaalde uren.",
        },
    ),
    (
        "baseline.fcr_pct",
        Text {
            en: "The quality or CRM report; without one, the share of customers who did not come back about the same question within a week.",
            nl: "Het kwaliteits- of CRM-rapport; zonder dat het deel van de klanten dat binnen een week niet terugkwam over dezelfde vraag.",
        },
    ),
    (
        "baseline.attrition_yearly_pct",
        Text {
            en: "HR: agents who left in the last twelve months ÷ the average number of agents.",
            nl: "HR: agents die de afgelopen twaalf maanden vertrokken ÷ het gemiddelde aantal agents.",
        },
    ),
    (
        "baseline.active_customers",
        Text {
            en: "The CRM's count of customers with an active contract or account.",
            nl: "Het aantal klanten met een actief contract of account in het CRM.",
        },
    ),
    (
        "baseline.churn_monthly_pct",
        Text {
            en: "Customers lost in a year ÷ customers at its start ÷ 12.",
            nl: "Klanten verloren in een jaar ÷ klanten aan het begin ervan ÷ 12.",
        },
    ),
    (
        "baseline.margin_per_customer_monthly",
        Text {
            en: "From finance: a customer's yearly contribution margin ÷ 12.",
            nl: "Van financiën: de jaarlijkse contributiemarge van een klant ÷ 12.",
        },
    ),
];

/// The initiatives the form offers, with one line on each.
pub const FORM_INITIATIVES: [(Initiative, Text); 3] = [
    (
        Initiative::Chatbot,
        Text {
            en: "A bot answers routine questions: a set-up cost and a fee per resolution, fewer contacts for agents. Simple chatbots typically pay back in 3 to 6 months.",
            nl: "Een bot beantwoordt routinevragen: opstartkosten en een vergoeding per oplossing, minder contacten voor agents. Eenvoudige chatbots verdienen zich meestal in 3 tot 6 maanden terug.",
        },
    ),
    (
        Initiative::Omnichannel,
        Text {
            en: "One platform for every channel with the customer's history: fewer duplicate contacts, shorter handling, more solved first time; a licence per seat. Typically 9 to 18 months to pay back.",
            nl: "Eén platform voor alle kanalen met de klanthistorie: minder dubbele contacten, kortere afhandeling, vaker in één keer opgelost; een licentie per plek. Meestal 9 tot 18 maanden terugverdientijd.",
        },
    ),
    (
        Initiative::Training,
        Text {
            en: "A programme for all agents: shorter handling, more solved first time, fewer leavers. First effects in 1 to 3 months.",
            nl: "Een programma voor alle agents: kortere afhandeling, vaker in één keer opgelost, minder vertrek. Eerste effecten na 1 tot 3 maanden.",
        },
    ),
];

/// The example whose other figures (staffing, the initiatives' costs and effects, finance and
/// risk) a scenario from the form starts with: every one of them has a source.
const TEMPLATE: &str = "combined";

/// Which page of the form is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormStep {
    /// Today's contact centre.
    Baseline,
    /// Which initiatives to consider.
    Initiatives,
}

/// The guided form while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct StartForm {
    /// The page shown.
    pub step: FormStep,
    /// The case's name as typed (empty: named after its initiatives).
    pub name: String,
    /// What was typed for each of [`FORM_FIGURES`], in that order (empty: the example's value).
    pub typed: Vec<String>,
    /// Whether each of [`FORM_INITIATIVES`] is considered.
    pub initiatives: [bool; 3],
    /// Put the keyboard in the first figure on the next frame.
    pub focus_first: bool,
    /// The workload check of the figures as last typed.
    pub checked: Option<Checked>,
}

/// The headcount check worked out for what was typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// What was typed, in the order of [`FORM_FIGURES`].
    pub typed: Vec<String>,
    /// The check (none while the figures do not compute).
    pub check: Option<crate::view::kpi::Headcount>,
}

impl Default for StartForm {
    fn default() -> Self {
        StartForm {
            step: FormStep::Baseline,
            name: String::new(),
            typed: vec![String::new(); FORM_FIGURES.len()],
            initiatives: [true, false, false],
            focus_first: true,
            checked: None,
        }
    }
}

/// The example the form's scenario starts from, read once (the form shows its values as
/// hints on every frame).
pub fn template() -> &'static Scenario {
    static TEMPLATE_SCENARIO: std::sync::OnceLock<Scenario> = std::sync::OnceLock::new();
    TEMPLATE_SCENARIO.get_or_init(|| {
        bundled::find(TEMPLATE)
            .and_then(|b| b.load().ok())
            .map(|v| v.into_inner())
            .unwrap_or_default()
    })
}

/// What one typed figure means: the value to use (none: the example's) or why it cannot be.
pub fn read_figure(
    input: &'static InputDescriptor,
    text: &str,
    lang: Lang,
) -> Result<Option<Decimal>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let Some(reading) = crate::model::reading::read_number(text, lang) else {
        return Err(match lang {
            Lang::En => format!("“{}” is not a number.", text.trim()),
            Lang::Nl => format!("“{}” is geen getal.", text.trim()),
        });
    };
    let value = crate::format::round(reading.value, input.decimals());
    if value < input.min || value > input.max {
        return Err(match lang {
            Lang::En => format!(
                "{} is outside the allowed {} to {}.",
                with_unit(value, input, lang),
                shown(input.min, input, lang),
                with_unit(input.max, input, lang)
            ),
            Lang::Nl => format!(
                "{} valt buiten het toegestane {} tot {}.",
                with_unit(value, input, lang),
                shown(input.min, input, lang),
                with_unit(input.max, input, lang)
            ),
        });
    }
    Ok(Some(value))
}

impl StartForm {
    /// The problems that keep the form from going on, one line each naming the figure.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        let mut out: Vec<String> = FORM_FIGURES
            .iter()
            .zip(&self.typed)
            .filter_map(|((path, _), text)| {
                let input = input_by_path(path)?;
                read_figure(input, text, lang)
                    .err()
                    .map(|e| format!("{}: {e}", input.label.get(lang)))
            })
            .collect();
        if self.step == FormStep::Initiatives && !self.initiatives.iter().any(|on| *on) {
            out.push(
                crate::i18n::t(
                    lang,
                    "Choose at least one initiative to consider.",
                    "Kies minstens één initiatief om te overwegen.",
                )
                .to_owned(),
            );
        }
        out
    }

    /// The headcount check of the figures typed (as the editor shows it beside the agents):
    /// the paid FTE today's workload needs against the headcount entered, and whether they
    /// are more than 15% apart. Worked out again only when a figure changed.
    pub fn headcount_check(&mut self, lang: Lang) -> Option<&crate::view::kpi::Headcount> {
        if self.checked.as_ref().map(|c| &c.typed) != Some(&self.typed) {
            let s = self.scenario(&[], lang);
            let check = s.clone().validate().ok().and_then(|valid| {
                let p = crate::sim::simulate(&valid).ok()?;
                crate::view::kpi::headcount(&p, s.baseline.agents_fte, lang)
            });
            self.checked = Some(Checked {
                typed: self.typed.clone(),
                check,
            });
        }
        self.checked.as_ref().and_then(|c| c.check.as_ref())
    }

    /// The scenario the form describes: the example's figures with the user's own baseline
    /// figures (each marked as theirs in its source) and only the chosen initiatives on. Its
    /// name is the one typed, or its initiatives'; `taken` names are avoided.
    pub fn scenario(&self, taken: &[&str], lang: Lang) -> Scenario {
        let mut s = template().clone();
        let own = crate::i18n::t(
            lang,
            "Own figure, entered when the case was started.",
            "Eigen cijfer, ingevuld bij het starten van de businesscase.",
        );
        for ((path, _), text) in FORM_FIGURES.iter().zip(&self.typed) {
            let Some(input) = input_by_path(path) else {
                continue;
            };
            if let Ok(Some(value)) = read_figure(input, text, lang) {
                // A range moves with its input, as in the editor.
                s.set(input, value);
                s.sources.insert(
                    (*path).to_owned(),
                    InputSource {
                        source: own.to_owned(),
                        note: String::new(),
                    },
                );
            }
        }
        for ((initiative, _), on) in FORM_INITIATIVES.iter().zip(self.initiatives) {
            s.set_enabled(*initiative, on);
        }
        // Client sliders of initiatives left out would steer nothing.
        let kept: Vec<String> = s
            .client_sliders
            .iter()
            .filter(|p| {
                input_by_path(p)
                    .and_then(|d| d.group.initiative())
                    .is_none_or(|i| s.is_enabled(i))
            })
            .cloned()
            .collect();
        s.client_sliders = kept;
        let name = if self.name.trim().is_empty() {
            crate::view::names::name_from_initiatives(
                &Scenario {
                    name: String::new(),
                    ..s.clone()
                },
                lang,
            )
        } else {
            self.name.trim().to_owned()
        };
        s.name = crate::view::names::unique_name(&name, taken);
        s.notes = crate::i18n::t(
            lang,
            "Started from your own figures for today's contact centre. Every other figure (staffing, the initiatives' costs and effects, finance and risk) is the examples' sourced default: check them in the editor before you present the case.",
            "Gestart met uw eigen cijfers voor het klantcontact van vandaag. Alle andere cijfers (bezetting, kosten en effecten van de initiatieven, financiën en risico) zijn de onderbouwde standaardwaarden van de voorbeelden: controleer ze in de editor voordat u de businesscase presenteert.",
        )
        .to_owned();
        s
    }
}

/// One line on each bundled example, for the start view.
pub fn example_line(name: &str) -> Text {
    match name {
        "chatbot" => Text {
            en: "What a bot that resolves routine questions saves in payroll, and what it costs in fees.",
            nl: "Wat een bot die routinevragen oplost bespaart aan loonkosten, en wat hij kost aan vergoedingen.",
        },
        "omnichannel" => Text {
            en: "Fewer repeat and duplicate contacts from one view of the customer.",
            nl: "Minder herhaal- en dubbele contacten dankzij één klantbeeld.",
        },
        "training" => Text {
            en: "Shorter handling, more solved first time and fewer leavers.",
            nl: "Kortere afhandeling, vaker in één keer opgelost en minder vertrek.",
        },
        "combined" => Text {
            en: "All three at once: their effects interact rather than add.",
            nl: "Alle drie tegelijk: hun effecten werken op elkaar in in plaats van op te tellen.",
        },
        _ => Text {
            en: "The textbook case, to check the arithmetic by hand.",
            nl: "Het schoolvoorbeeld, om het rekenwerk met de hand na te gaan.",
        },
    }
}
