//! Finance settings: horizon, discounting, risk adjustment and realisation; when the case
//! starts on the calendar and how its years are shown.

use serde::{Deserialize, Serialize};

use crate::model::input::input_group;

/// Whether the input at `path` only changes what is shown beside the figures (the longer
/// view's horizon), not the figures: the tornado and goal seek leave it out.
pub fn changes_no_figure(path: &str) -> bool {
    path == "finance.second_horizon_months"
}

/// When month 1 of the case falls and when the organisation's financial year begins: months
/// then carry calendar names and the table of years shows financial years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// The calendar year of month 1, 2000 to 2100.
    pub start_year: u32,
    /// The calendar month of month 1, 1 (January) to 12.
    pub start_month: u32,
    /// The calendar month the financial year begins in, 1 to 12 (1: the calendar year).
    pub fiscal_year_start_month: u32,
}

impl Calendar {
    /// The calendar year and month (1 to 12) of month `m` of the case.
    pub fn date(&self, m: u32) -> (u32, u32) {
        let index = self.start_month.saturating_sub(1) + m.saturating_sub(1);
        (self.start_year + index / 12, index % 12 + 1)
    }

    /// The financial year month `m` falls in, by the calendar year it begins in.
    pub fn fiscal_year(&self, m: u32) -> u32 {
        let (year, month) = self.date(m);
        if month >= self.fiscal_year_start_month {
            year
        } else {
            year - 1
        }
    }
}

input_group! {
    /// How the projection is judged: over how long, at what discount rate, with how much caution.
    pub struct Finance, group Finance, prefix "finance", descriptors FINANCE_INPUTS {
        plain {
            /// When month 1 falls on the calendar and when the financial year begins; none:
            /// months and years are counted from the start.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            calendar: Option<Calendar> = None,
            /// The table of years shows the initial investment (the one-off costs of month 1)
            /// as year 0, as finance reviews (TEI) do.
            #[serde(default)]
            year_zero: bool = false,
        }
        months {
            horizon_months = 18, 1 to 120,
                "Horizon" / "Horizon",
                "Months the projection covers."
                    / "Aantal maanden dat de projectie beslaat.";
            second_horizon_months = 36, 1 to 120,
                "Longer view" / "Langere termijn",
                "A second horizon the headline and each initiative's verdict are also shown at: an initiative can cost more than it brings at 18 months and pay back by 36."
                    / "Een tweede horizon waarop de kerncijfers en het oordeel per initiatief ook worden getoond: een initiatief kan na 18 maanden meer kosten dan het oplevert en na 36 maanden terugverdiend zijn.",
                source "Finance reviews (Forrester's Total Economic Impact) judge a case over three years."
                    / "Financiële reviews (Forresters Total Economic Impact) beoordelen een case over drie jaar.",
                legacy "crate::model::legacy::thirty_six_months";
            retention_delay_months = 6, 0 to 36,
                "Retention delay" / "Vertraging klantbehoud",
                "Months after go-live before lower churn starts to keep customers: retention reacts later than handle time."
                    / "Maanden na livegang voordat minder klantverloop klanten gaat behouden: klantbehoud reageert later dan afhandeltijd.",
                source "The articles: satisfaction reacts in 2-4 months, retention and lifetime value in 6-12 months."
                    / "De artikelen: tevredenheid reageert in 2-4 maanden, klantbehoud en levenslange waarde in 6-12 maanden.",
                typical 6 to 12,
                legacy "crate::model::legacy::zero_months";
        }
        values {
            discount_rate_annual_pct = 10, PercentPerYear, 0 to 50,
                "Discount rate" / "Disconteringsvoet",
                "Effective yearly rate for net present value (finance reviews use 8-16%, 10% by default)."
                    / "Effectieve jaarrente voor de netto contante waarde (financiële reviews: 8-16%, standaard 10%).",
                source "Business cases reviewed by finance (Forrester's Total Economic Impact method) discount at 8-16% a year, 10% by default."
                    / "Businesscases die financiën beoordeelt (Forresters Total Economic Impact-methode) disconteren tegen 8-16% per jaar, standaard 10%.",
                typical 8 to 16;
            benefit_risk_pct = 10, Percent, 0 to 90,
                "Risk on savings" / "Risico besparingen",
                "Every efficiency saving (agent time, avoided replacements) is lowered by this share to allow for uncertainty."
                    / "Elke efficiëntiebesparing (agenttijd, vermeden vervanging) wordt met dit deel verlaagd om onzekerheid mee te nemen.",
                source "Finance reviews (Forrester's Total Economic Impact) adjust each benefit down by a risk percentage; 10% is a common default."
                    / "Financiële reviews (Forresters Total Economic Impact) verlagen elke baat met een risicopercentage; 10% is een gangbare standaard.";
            revenue_risk_pct = 25, Percent, 0 to 90,
                "Risk on revenue" / "Risico omzet",
                "Every revenue-type benefit (margin of retained customers, custom lines marked as revenue) is lowered by this share: it is less certain than a saving."
                    / "Elke omzetbaat (marge van behouden klanten, eigen posten gemarkeerd als omzet) wordt met dit deel verlaagd: die is onzekerder dan een besparing.",
                source "Finance reviewers cut revenue-type benefits harder than efficiency savings; 25% is two and a half times the 10% on savings."
                    / "Financiële beoordelaars korten omzetbaten harder dan efficiëntiebesparingen; 25% is tweeënhalf keer de 10% op besparingen.",
                legacy "crate::model::legacy::unset";
            cost_risk_pct = 10, Percent, 0 to 100,
                "Cost risk" / "Risico kosten",
                "Every cost is raised by this share to allow for overruns."
                    / "Elke kostenpost wordt met dit deel verhoogd om overschrijdingen mee te nemen.";
            cost_indexation_yearly_pct = 0, PercentPerYear, 0 to 30,
                "Cost indexation" / "Kostenindexatie",
                "Yearly rise of wages and licences, compounded month by month: agent cost per hour, licences, maintenance, refreshers and bot fees. One-off costs and custom lines are as entered."
                    / "Jaarlijkse stijging van lonen en licenties, maand op maand samengesteld: agentkosten per uur, licenties, onderhoud, opfrissen en botkosten. Eenmalige kosten en eigen posten zoals ingevoerd.",
                source "Your own wage agreement and contracts; 0 keeps today's prices."
                    / "Uw eigen cao en contracten; 0 houdt de prijzen van vandaag.",
                legacy "crate::model::legacy::zero";
            realisation_pct = 80, Percent, 0 to 100,
                "Realisation of freed time" / "Verzilvering vrijgekomen tijd",
                "Share of saved agent time that becomes saved cost (fewer hires, less overtime, no temps)."
                    / "Deel van de bespaarde agenttijd dat echt geld oplevert (minder werving, overwerk, inhuur).";
        }
    }
}
