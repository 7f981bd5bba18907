//! What really happened after the case was approved: for each month that has passed, the
//! operational figures observed (any of them) and what was spent per initiative. Optional in a
//! scenario file (`actuals: [(month: 1, handle_time_minutes: 8.6, spent_chatbot: 36000), …]`);
//! what a month leaves out is taken from the plan.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

use crate::model::uncertainty::{plain_option, plain_some};
use crate::model::{Lang, Problem, Text};

/// The most months of actuals a scenario holds (the longest horizon).
pub const MONTHS_MAX: usize = 120;

/// One month's observations. Field names are those of the JSON contract's KPIs and
/// `spent_<initiative>`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthActuals {
    /// The month, counted from the start of the plan (1 is the first month).
    pub month: u32,
    /// Contacts customers made.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub contacts: Option<Decimal>,
    /// Contacts the bot resolved.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub bot_resolved_contacts: Option<Decimal>,
    /// Contacts agents handled.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub agent_contacts: Option<Decimal>,
    /// Average handle time of agent contacts, in minutes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub handle_time_minutes: Option<Decimal>,
    /// First-contact resolution, in percent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub fcr_pct: Option<Decimal>,
    /// Customers lost in the month, in percent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub churn_monthly_pct: Option<Decimal>,
    /// Agents paid, in FTE.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub agent_fte: Option<Decimal>,
    /// The agents' payroll of the month, in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub payroll: Option<Decimal>,
    /// Active customers.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub customers: Option<Decimal>,
    /// Spent on the chatbot in the month, in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub spent_chatbot: Option<Decimal>,
    /// Spent on the omnichannel platform in the month, in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub spent_omnichannel: Option<Decimal>,
    /// Spent on training in the month, in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub spent_training: Option<Decimal>,
    /// Spent on the custom cost lines in the month, in euros.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "plain_some",
        serialize_with = "plain_option"
    )]
    pub spent_custom: Option<Decimal>,
}

/// What an observed figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An operational figure (KPI).
    Kpi,
    /// Money spent on an initiative.
    Spend,
}

/// One field of a month's actuals: its names, unit and allowed values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    /// The name in files, CSV headers and JSON, e.g. `handle_time_minutes`.
    pub key: &'static str,
    /// The Dutch CSV header also accepted, e.g. `afhandeltijd_minuten`.
    pub key_nl: &'static str,
    /// What people read.
    pub label: Text,
    /// The unit.
    pub unit: Text,
    /// The largest value allowed (the smallest is 0).
    pub max: Decimal,
    /// KPI or spend.
    pub kind: Kind,
    /// What it is, for the variance split: volume or one of the performance drivers.
    pub driver: Driver,
}

/// What an observed figure tells about the plan, in the variance split: the *volume* the
/// contact centre met (the plan is flexed to it), or a *driver* of how the initiatives
/// performed at that volume.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Driver {
    /// Contacts and customers: the world the case met.
    Volume,
    /// What the bot resolved and what reached agents.
    Containment,
    /// How long agents take per contact.
    HandleTime,
    /// First-contact resolution.
    Fcr,
    /// Customers lost.
    Churn,
    /// What was spent per initiative.
    Spend,
    /// The agents paid and their payroll: whether the freed time became money.
    Headcount,
}

impl Driver {
    /// The drivers of performance, in the order the split puts them in (each on top of those
    /// before).
    pub const PERFORMANCE: [Driver; 6] = [
        Driver::Containment,
        Driver::HandleTime,
        Driver::Fcr,
        Driver::Churn,
        Driver::Spend,
        Driver::Headcount,
    ];

    /// The name in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Driver::Volume => "volume",
            Driver::Containment => "containment",
            Driver::HandleTime => "handle_time",
            Driver::Fcr => "fcr",
            Driver::Churn => "churn",
            Driver::Spend => "spend",
            Driver::Headcount => "headcount",
        }
    }

    /// What people read.
    pub fn label(self) -> Text {
        match self {
            Driver::Volume => text("Volume", "Volume"),
            Driver::Containment => text("Bot resolutions", "Botoplossingen"),
            Driver::HandleTime => text("Handle time", "Afhandeltijd"),
            Driver::Fcr => text("First-contact resolution", "Oplossing bij eerste contact"),
            Driver::Churn => text("Customer churn", "Klantverloop"),
            Driver::Spend => text("Spend", "Uitgaven"),
            Driver::Headcount => text("Headcount and payroll", "Bezetting en loonkosten"),
        }
    }

    /// The fields observed for it.
    pub fn fields(self) -> impl Iterator<Item = &'static Field> {
        FIELDS.iter().filter(move |f| f.driver == self)
    }
}

const fn text(en: &'static str, nl: &'static str) -> Text {
    Text { en, nl }
}

/// Every field, in the order of the CSV and the window's grid.
pub const FIELDS: [Field; 13] = [
    Field {
        key: "contacts",
        key_nl: "contacten",
        label: text("Contacts", "Contacten"),
        unit: text("contacts", "contacten"),
        max: dec!(100000000),
        kind: Kind::Kpi,
        driver: Driver::Volume,
    },
    Field {
        key: "bot_resolved_contacts",
        key_nl: "door_bot_opgelost",
        label: text("Resolved by the bot", "Opgelost door de bot"),
        unit: text("contacts", "contacten"),
        max: dec!(100000000),
        kind: Kind::Kpi,
        driver: Driver::Containment,
    },
    Field {
        key: "agent_contacts",
        key_nl: "agentcontacten",
        label: text("Agent contacts", "Agentcontacten"),
        unit: text("contacts", "contacten"),
        max: dec!(100000000),
        kind: Kind::Kpi,
        driver: Driver::Containment,
    },
    Field {
        key: "handle_time_minutes",
        key_nl: "afhandeltijd_minuten",
        label: text("Handle time", "Afhandeltijd"),
        unit: text("min", "min"),
        max: dec!(600),
        kind: Kind::Kpi,
        driver: Driver::HandleTime,
    },
    Field {
        key: "fcr_pct",
        key_nl: "fcr_pct",
        label: text("First-contact resolution", "Oplossing bij eerste contact"),
        unit: text("%", "%"),
        max: dec!(100),
        kind: Kind::Kpi,
        driver: Driver::Fcr,
    },
    Field {
        key: "churn_monthly_pct",
        key_nl: "klantverloop_pct",
        label: text("Customer churn", "Klantverloop"),
        unit: text("%/month", "%/maand"),
        max: dec!(100),
        kind: Kind::Kpi,
        driver: Driver::Churn,
    },
    Field {
        key: "agent_fte",
        key_nl: "agents_fte",
        label: text("Agents paid", "Betaalde agents"),
        unit: text("FTE", "fte"),
        max: dec!(100000),
        kind: Kind::Kpi,
        driver: Driver::Headcount,
    },
    Field {
        key: "payroll",
        key_nl: "loonkosten",
        label: text("Agent payroll", "Loonkosten agents"),
        unit: text("€", "€"),
        max: dec!(10000000000),
        kind: Kind::Spend,
        driver: Driver::Headcount,
    },
    Field {
        key: "customers",
        key_nl: "klanten",
        label: text("Active customers", "Actieve klanten"),
        unit: text("customers", "klanten"),
        max: dec!(1000000000),
        kind: Kind::Kpi,
        driver: Driver::Volume,
    },
    Field {
        key: "spent_chatbot",
        key_nl: "besteed_chatbot",
        label: text("Spent on the chatbot", "Besteed aan de chatbot"),
        unit: text("€", "€"),
        max: dec!(10000000000),
        kind: Kind::Spend,
        driver: Driver::Spend,
    },
    Field {
        key: "spent_omnichannel",
        key_nl: "besteed_omnichannel",
        label: text("Spent on omnichannel", "Besteed aan omnichannel"),
        unit: text("€", "€"),
        max: dec!(10000000000),
        kind: Kind::Spend,
        driver: Driver::Spend,
    },
    Field {
        key: "spent_training",
        key_nl: "besteed_training",
        label: text("Spent on training", "Besteed aan training"),
        unit: text("€", "€"),
        max: dec!(10000000000),
        kind: Kind::Spend,
        driver: Driver::Spend,
    },
    Field {
        key: "spent_custom",
        key_nl: "besteed_eigen",
        label: text("Spent on custom lines", "Besteed aan eigen posten"),
        unit: text("€", "€"),
        max: dec!(10000000000),
        kind: Kind::Spend,
        driver: Driver::Spend,
    },
];

/// The field called `name` (either language's key, any case).
pub fn field(name: &str) -> Option<&'static Field> {
    let name = name.trim().to_lowercase();
    FIELDS.iter().find(|f| f.key == name || f.key_nl == name)
}

impl Field {
    /// The decimals people read it with: counts whole, handle time and churn with two, the
    /// rest with one (money is shown in whole euros).
    pub fn decimals(&self) -> u32 {
        match self.key {
            "contacts" | "bot_resolved_contacts" | "agent_contacts" | "customers" => 0,
            "handle_time_minutes" | "churn_monthly_pct" => 2,
            _ if self.kind == Kind::Spend => 0,
            _ => 1,
        }
    }

    /// The plan's inputs an observed figure tests: where to look when it is off plan.
    pub fn assumptions(&self) -> &'static [&'static str] {
        match self.key {
            "contacts" => &[
                "baseline.contacts_per_month",
                "baseline.contact_growth_yearly_pct",
                "omnichannel.duplicate_reduction_pct",
            ],
            "bot_resolved_contacts" => &[
                "chatbot.containment_pct",
                "chatbot.failure_pct",
                "chatbot.ramp_months",
            ],
            "agent_contacts" => &[
                "chatbot.containment_pct",
                "omnichannel.duplicate_reduction_pct",
                "omnichannel.fcr_improvement_pct",
            ],
            "handle_time_minutes" => &[
                "omnichannel.aht_reduction_pct",
                "training.aht_reduction_pct",
                "chatbot.handle_time_saved_minutes",
            ],
            "fcr_pct" => &[
                "omnichannel.fcr_improvement_pct",
                "training.fcr_improvement_pct",
            ],
            "churn_monthly_pct" => &[
                "chatbot.churn_reduction_pct",
                "omnichannel.churn_reduction_pct",
                "training.churn_reduction_pct",
                "finance.retention_delay_months",
            ],
            "spent_chatbot" => &[
                "chatbot.setup_cost",
                "chatbot.licence_monthly",
                "chatbot.maintenance_monthly",
                "chatbot.price_per_resolution",
            ],
            "spent_omnichannel" => &[
                "omnichannel.setup_cost",
                "omnichannel.licence_per_seat_monthly",
            ],
            "agent_fte" | "payroll" => &[
                "baseline.attrition_yearly_pct",
                "staffing.notice_months",
                "finance.realisation_pct",
            ],
            "spent_training" => &[
                "training.cost_per_agent",
                "training.trainer_days",
                "training.refresher_monthly",
            ],
            _ => &[],
        }
    }
}

impl MonthActuals {
    /// A month with nothing observed yet.
    pub fn new(month: u32) -> Self {
        MonthActuals {
            month,
            ..Self::default()
        }
    }

    /// The value of `field`, if observed.
    pub fn get(&self, field: &Field) -> Option<Decimal> {
        *self.slot(field.key)
    }

    /// Sets (or clears) the value of `field`.
    pub fn set(&mut self, field: &Field, value: Option<Decimal>) {
        *self.slot_mut(field.key) = value;
    }

    /// Whether nothing is observed.
    pub fn is_empty(&self) -> bool {
        FIELDS.iter().all(|f| self.get(f).is_none())
    }

    fn slot(&self, key: &str) -> &Option<Decimal> {
        match key {
            "contacts" => &self.contacts,
            "bot_resolved_contacts" => &self.bot_resolved_contacts,
            "agent_contacts" => &self.agent_contacts,
            "handle_time_minutes" => &self.handle_time_minutes,
            "fcr_pct" => &self.fcr_pct,
            "churn_monthly_pct" => &self.churn_monthly_pct,
            "agent_fte" => &self.agent_fte,
            "payroll" => &self.payroll,
            "customers" => &self.customers,
            "spent_chatbot" => &self.spent_chatbot,
            "spent_omnichannel" => &self.spent_omnichannel,
            "spent_training" => &self.spent_training,
            _ => &self.spent_custom,
        }
    }

    fn slot_mut(&mut self, key: &str) -> &mut Option<Decimal> {
        match key {
            "contacts" => &mut self.contacts,
            "bot_resolved_contacts" => &mut self.bot_resolved_contacts,
            "agent_contacts" => &mut self.agent_contacts,
            "handle_time_minutes" => &mut self.handle_time_minutes,
            "fcr_pct" => &mut self.fcr_pct,
            "churn_monthly_pct" => &mut self.churn_monthly_pct,
            "agent_fte" => &mut self.agent_fte,
            "payroll" => &mut self.payroll,
            "customers" => &mut self.customers,
            "spent_chatbot" => &mut self.spent_chatbot,
            "spent_omnichannel" => &mut self.spent_omnichannel,
            "spent_training" => &mut self.spent_training,
            _ => &mut self.spent_custom,
        }
    }
}

/// What is wrong with a scenario's actuals: a month outside 1 to 120 or given twice, a value
/// below 0 or above what its field allows, too many months. Each names the month and field.
pub fn check(actuals: &[MonthActuals], month_max: u32) -> Vec<Problem> {
    let mut out = Vec::new();
    if actuals.len() > MONTHS_MAX {
        out.push(Problem::new(
            "actuals",
            format!(
                "has {} months, expected at most {MONTHS_MAX}",
                actuals.len()
            ),
        ));
    }
    if actuals.len() > MONTHS_MAX {
        // Refused for its size alone, not month by month.
        return out;
    }
    let mut seen = std::collections::HashSet::new();
    for (i, a) in actuals.iter().enumerate() {
        let at = |field: &str| format!("actuals[{i}].{field}");
        if a.month == 0 || a.month > month_max {
            out.push(Problem::new(
                at("month"),
                format!("is {}, expected a month from 1 to {month_max}", a.month),
            ));
        } else if !seen.insert(a.month) {
            out.push(Problem::new(
                at("month"),
                format!("is {} a second time; expected each month once", a.month),
            ));
        }
        for f in &FIELDS {
            if let Some(v) = a.get(f)
                && (v < Decimal::ZERO || v > f.max)
            {
                out.push(Problem::new(
                    at(f.key),
                    format!(
                        "is {v} in month {}, expected 0 to {} ({})",
                        a.month, f.max, f.unit.en
                    ),
                ));
            }
        }
    }
    out
}

/// The largest actuals CSV read: a reporting export of ten years is a few kilobytes.
pub const CSV_MAX_BYTES: u64 = 1024 * 1024;

/// The most problems listed from one CSV (the rest are the same mistake again).
const PROBLEMS_MAX: usize = 20;

/// The decimal mark of a CSV's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1234.5`, grouping (where used) with commas: files separated by `,`.
    Point,
    /// `1234,5`, grouping (where used) with points: files separated by `;`.
    Comma,
}

impl DecimalMark {
    /// The mark as a character.
    pub fn char(self) -> char {
        match self {
            DecimalMark::Point => '.',
            DecimalMark::Comma => ',',
        }
    }
}

/// Reads actuals from CSV text as a contact centre's reporting tool exports it: a header row,
/// then one row a month; `;`, `,` or tab between fields. The separator decides how numbers are
/// read: a `,`-separated file writes decimals with a point (`38.125` is 38.125), a
/// `;`-separated one with a comma (`38,125` is 38.125 and `38.125` is 38125, as Dutch exports
/// group thousands); a tab-separated file uses whichever mark its numbers show, the point when
/// none tells. A thousands separator is read only where it cannot be the decimal mark. The
/// header names `month` (or `maand`) and any of the fields by their file or Dutch name; an
/// empty cell is "not observed". Months must be whole, from 1 to `horizon`, each once. A quote
/// that is never closed, a row with more or fewer fields than the header, and the header
/// repeated are refused. Returns every problem found, each naming the line (and the column as
/// the file wrote it), or the months read.
pub fn read_csv(text: &str, horizon: u32, lang: Lang) -> Result<Vec<MonthActuals>, Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(header) = text.lines().find(|l| !l.trim().is_empty()) else {
        return Err(vec![crate::tr!(
            lang,
            "is empty; expected a header row (month, then the figures: contacts, handle_time_minutes, spent_chatbot, …) and one row a month",
            "is leeg; verwacht een kopregel (maand, dan de cijfers: contacten, afhandeltijd_minuten, besteed_chatbot, …) en een regel per maand"
        )]);
    };
    let delimiter = if header.contains(';') {
        b';'
    } else if header.contains('\t') {
        b'\t'
    } else {
        b','
    };
    if let Some(problem) = unclosed_quote(text, lang) {
        return Err(vec![problem]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_owned()).collect(),
        Err(e) => {
            return Err(vec![crate::tr!(
                lang,
                "the header row cannot be read: {}",
                "de kopregel is niet te lezen: {}",
                e
            )]);
        }
    };
    let records: Vec<csv::StringRecord> = match reader.records().collect() {
        Ok(r) => r,
        Err(e) => {
            let line = e.position().map_or(0, |p| p.line());
            return Err(vec![crate::tr!(
                lang,
                "line {} cannot be read: {}",
                "regel {} is niet te lezen: {}",
                line,
                e
            )]);
        }
    };
    let mark = match delimiter {
        b';' => DecimalMark::Comma,
        b',' => DecimalMark::Point,
        _ => match mark_shown(&records, lang) {
            Ok(mark) => mark,
            Err(problem) => return Err(vec![problem]),
        },
    };
    let (month_col, columns) = columns(&headers, lang)?;
    let sheet = Sheet {
        headers: &headers,
        month_col,
        columns,
        horizon,
        mark,
        lang,
    };
    let mut problems = Vec::new();
    let mut out: Vec<MonthActuals> = Vec::new();
    for record in &records {
        if problems.len() >= PROBLEMS_MAX {
            problems.push(
                crate::i18n::t(
                    lang,
                    "… and more; fix these first",
                    "… en meer; verbeter eerst deze",
                )
                .to_owned(),
            );
            break;
        }
        if let Some(row) = sheet.read(record, &out, &mut problems) {
            out.push(row);
        }
    }
    if problems.is_empty() && out.is_empty() {
        problems.push(
            crate::i18n::t(
                lang,
                "has a header but no months; expected one row a month",
                "heeft een kopregel maar geen maanden; verwacht een regel per maand",
            )
            .to_owned(),
        );
    }
    if problems.is_empty() {
        out.sort_by_key(|a| a.month);
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The month column and the figure each other column holds, or every problem of the header:
/// no month column, a figure twice, unknown headings.
fn columns(
    headers: &[String],
    lang: Lang,
) -> Result<(usize, Vec<Option<&'static Field>>), Vec<String>> {
    let month_col = headers
        .iter()
        .position(|h| matches!(h.to_lowercase().as_str(), "month" | "maand"));
    let mut problems = Vec::new();
    let mut columns: Vec<Option<&'static Field>> = Vec::new();
    let mut unknown = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if Some(i) == month_col {
            columns.push(None);
            continue;
        }
        match field(h) {
            Some(f) if columns.contains(&Some(f)) => {
                problems.push(crate::tr!(
                    lang,
                    "column {:?} appears twice; expected each figure once",
                    "kolom {:?} komt twee keer voor; verwacht elk cijfer één keer",
                    h
                ));
                columns.push(None);
            }
            Some(f) => columns.push(Some(f)),
            None => {
                unknown.push(format!("{h:?}"));
                columns.push(None);
            }
        }
    }
    if month_col.is_none() {
        problems.push(
            crate::i18n::t(
                lang,
                "has no month column; expected a header starting with month (or maand)",
                "heeft geen maandkolom; verwacht een kopregel die begint met maand (of month)",
            )
            .to_owned(),
        );
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = FIELDS
            .iter()
            .map(|f| match lang {
                Lang::En => f.key,
                Lang::Nl => f.key_nl,
            })
            .collect();
        problems.push(match lang {
            Lang::En => format!(
                "has unknown column{} {}; expected month and any of: {}",
                if unknown.len() > 1 { "s" } else { "" },
                unknown.join(", "),
                known.join(", ")
            ),
            Lang::Nl => format!(
                "heeft onbekende kolom{} {}; verwacht maand en een van: {}",
                if unknown.len() > 1 { "men" } else { "" },
                unknown.join(", "),
                known.join(", ")
            ),
        });
    }
    match month_col {
        Some(month_col) if problems.is_empty() => Ok((month_col, columns)),
        _ => Err(problems),
    }
}

/// How a file's rows read: its headings, where the month is, what each column holds.
struct Sheet<'a> {
    headers: &'a [String],
    month_col: usize,
    columns: Vec<Option<&'static Field>>,
    horizon: u32,
    mark: DecimalMark,
    lang: Lang,
}

impl Sheet<'_> {
    /// One row's month and figures, or `None` with its problems added (an empty row is
    /// skipped without one). `read` holds the months read so far.
    fn read(
        &self,
        record: &csv::StringRecord,
        read: &[MonthActuals],
        problems: &mut Vec<String>,
    ) -> Option<MonthActuals> {
        let (headers, month_col, horizon, lang) =
            (self.headers, self.month_col, self.horizon, self.lang);
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            return None;
        }
        if record
            .iter()
            .zip(headers)
            .all(|(c, h)| c.trim().eq_ignore_ascii_case(h))
        {
            problems.push(crate::tr!(
                lang,
                "line {} repeats the header row; expected one header, then one row a month (were two exports joined?)",
                "regel {} herhaalt de kopregel; verwacht één kopregel en dan een regel per maand (zijn twee exports samengevoegd?)",
                line
            ));
            return None;
        }
        if record.len() != headers.len() {
            problems.push(crate::tr!(
                lang,
                "line {}: has {} fields, the header has {}; expected one value (or an empty cell) under each heading",
                "regel {}: heeft {} velden, de kopregel {}; verwacht één waarde (of een lege cel) onder elke kop",
                line,
                record.len(),
                headers.len()
            ));
            return None;
        }
        let month_text = record.get(month_col).unwrap_or("").trim();
        let month = match month_text.parse::<u32>() {
            Ok(m) if (1..=horizon).contains(&m) => m,
            Ok(m) if m > horizon => {
                problems.push(crate::tr!(
                    lang,
                    "line {}: month {} is after the {}-month horizon; expected 1 to {}",
                    "regel {}: maand {} valt na de horizon van {} maanden; verwacht 1 tot en met {}",
                    line,
                    m,
                    horizon,
                    horizon
                ));
                return None;
            }
            _ if month_text.is_empty() => {
                problems.push(crate::tr!(
                    lang,
                    "line {}: the month is missing; expected 1 to {}",
                    "regel {}: de maand ontbreekt; verwacht 1 tot en met {}",
                    line,
                    horizon
                ));
                return None;
            }
            _ => {
                problems.push(crate::tr!(
                    lang,
                    "line {}: month {:?} is not a whole number from 1 to {}",
                    "regel {}: maand {:?} is geen geheel getal van 1 tot en met {}",
                    line,
                    month_text,
                    horizon
                ));
                return None;
            }
        };
        if read.iter().any(|a| a.month == month) {
            problems.push(crate::tr!(
                lang,
                "line {}: month {} a second time; expected each month once",
                "regel {}: maand {} voor de tweede keer; verwacht elke maand één keer",
                line,
                month
            ));
            return None;
        }
        Some(self.figures(record, month, line, problems))
    }

    /// The figures of one row of `month`, each within its bounds; problems are added.
    fn figures(
        &self,
        record: &csv::StringRecord,
        month: u32,
        line: u64,
        problems: &mut Vec<String>,
    ) -> MonthActuals {
        let (headers, columns, mark, lang) = (self.headers, &self.columns, self.mark, self.lang);
        let mut row = MonthActuals::new(month);
        for (i, cell) in record.iter().enumerate() {
            let Some(Some(f)) = columns.get(i) else {
                continue;
            };
            let heading = headers.get(i).map_or(f.key, String::as_str);
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match crate::model::reading::read_number_with_mark(cell, mark.char()) {
                Some(v) if v >= Decimal::ZERO && v <= f.max => {
                    row.set(f, Some(v));
                }
                Some(v) => problems.push(crate::tr!(
                    lang,
                    "line {}, {}: {} is outside 0 to {} ({})",
                    "regel {}, {}: {} ligt buiten 0 tot {} ({})",
                    line,
                    heading,
                    v,
                    f.max,
                    f.unit.get(lang)
                )),
                None => problems.push(crate::tr!(
                    lang,
                    "line {}, {}: {:?} is not a number (this file writes decimals with {})",
                    "regel {}, {}: {:?} is geen getal (dit bestand schrijft decimalen met {})",
                    line,
                    heading,
                    cell,
                    match (mark, lang) {
                        (DecimalMark::Point, Lang::En) => "a point, e.g. 8.5",
                        (DecimalMark::Comma, Lang::En) => "a comma, e.g. 8,5",
                        (DecimalMark::Point, Lang::Nl) => "een punt, bijvoorbeeld 8.5",
                        (DecimalMark::Comma, Lang::Nl) => "een komma, bijvoorbeeld 8,5",
                    }
                )),
            }
        }
        row
    }
}

/// A quote that is never closed, or that runs over the end of its line (a monthly figure
/// never holds a line break, so the next row would be swallowed), named by its line.
fn unclosed_quote(text: &str, lang: Lang) -> Option<String> {
    let mut open_at: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        for c in line.chars() {
            if c == '"' {
                open_at = match open_at {
                    Some(_) => None,
                    None => Some(i + 1),
                };
            }
        }
        // An escaped quote ("") toggles twice and leaves the state as it was.
        if let Some(at) = open_at {
            return Some(crate::tr!(
                lang,
                "line {}: a quote (\") opens a value that is not closed on that line; expected every quoted value to end with a quote before the line ends",
                "regel {}: een aanhalingsteken (\") opent een waarde die op die regel niet wordt gesloten; verwacht dat elke waarde tussen aanhalingstekens vóór het einde van de regel sluit",
                at
            ));
        }
    }
    None
}

/// The decimal mark a tab-separated file's numbers show: a comma followed by other than three
/// digits, or after a point, can only be a decimal comma, and the other way round. Refused when
/// the numbers show both.
fn mark_shown(records: &[csv::StringRecord], lang: Lang) -> Result<DecimalMark, String> {
    let mut comma = None;
    let mut point = None;
    for record in records {
        let line = record.position().map_or(0, |p| p.line());
        for cell in record.iter() {
            match crate::model::reading::decimal_mark_of(cell.trim()) {
                Some(',') => {
                    comma.get_or_insert(line);
                }
                Some('.') => {
                    point.get_or_insert(line);
                }
                _ => {}
            }
        }
    }
    match (comma, point) {
        (Some(c), Some(p)) => Err(crate::tr!(
            lang,
            "writes decimals with a comma (line {}) and with a point (line {}); expected one way throughout",
            "schrijft decimalen met een komma (regel {}) en met een punt (regel {}); verwacht overal dezelfde manier",
            c,
            p
        )),
        (Some(_), None) => Ok(DecimalMark::Comma),
        _ => Ok(DecimalMark::Point),
    }
}

/// Puts imported months into a scenario's actuals: a month imported replaces that month, the
/// others stay; sorted by month.
pub fn merge(existing: &mut Vec<MonthActuals>, imported: Vec<MonthActuals>) {
    existing.retain(|a| !imported.iter().any(|b| b.month == a.month));
    existing.extend(imported);
    existing.sort_by_key(|a| a.month);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dutch_and_an_english_csv_read_the_same() {
        let nl = "maand;afhandeltijd_minuten;besteed_chatbot\n1;8,7;36.000\n2;8,5;3.000,50\n";
        let en = "month,handle_time_minutes,spent_chatbot\n1,8.7,36000\n2,8.5,\"3,000.50\"\n";
        let tab = "month\thandle_time_minutes\tspent_chatbot\n1\t8,7\t36000\n2\t8,5\t3000,50\n";
        let a = read_csv(nl, 18, Lang::En).expect("Dutch");
        let b = read_csv(en, 18, Lang::En).expect("English");
        let c = read_csv(tab, 18, Lang::En).expect("tab-separated, decimal comma");
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a[1].spent_chatbot, Some(Decimal::new(300050, 2)));
    }

    #[test]
    fn every_assumption_behind_a_figure_is_an_input() {
        for f in &FIELDS {
            for p in f.assumptions() {
                assert!(crate::model::input_by_path(p).is_some(), "{}: {p}", f.key);
            }
        }
    }

    #[test]
    fn fields_are_found_by_either_languages_name() {
        assert_eq!(
            field("Handle_Time_Minutes").map(|f| f.key),
            Some("handle_time_minutes")
        );
        assert_eq!(
            field("afhandeltijd_minuten").map(|f| f.key),
            Some("handle_time_minutes")
        );
        assert!(field("nonsense").is_none());
    }

    #[test]
    fn every_field_reads_back_what_was_set() {
        let mut m = MonthActuals::new(3);
        for (i, f) in FIELDS.iter().enumerate() {
            m.set(f, Some(Decimal::from(i as u32 + 1)));
        }
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(m.get(f), Some(Decimal::from(i as u32 + 1)), "{}", f.key);
        }
    }
}
