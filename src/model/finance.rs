//! Finance settings: horizon, discounting, risk adjustment and realisation.

use crate::model::input::input_group;

input_group! {
    /// How the projection is judged: over how long, at what discount rate, with how much caution.
    pub struct Finance, group Finance, prefix "finance", descriptors FINANCE_INPUTS {
        plain {}
        months {
            horizon_months = 18, 1 to 120,
                "Horizon" / "Horizon",
                "Months the projection covers."
                    / "Aantal maanden dat de projectie beslaat.";
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
