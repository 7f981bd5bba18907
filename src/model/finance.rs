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
        }
        values {
            discount_rate_annual_pct = 10, PercentPerYear, 0 to 50,
                "Discount rate" / "Disconteringsvoet",
                "Effective yearly rate for net present value (finance reviews use 8-16%, 10% by default)."
                    / "Effectieve jaarrente voor de netto contante waarde (financiële reviews: 8-16%, standaard 10%).";
            benefit_risk_pct = 10, Percent, 0 to 90,
                "Benefit risk" / "Risico baten",
                "Every benefit is lowered by this share to allow for uncertainty."
                    / "Elke baat wordt met dit deel verlaagd om onzekerheid mee te nemen.";
            cost_risk_pct = 10, Percent, 0 to 100,
                "Cost risk" / "Risico kosten",
                "Every cost is raised by this share to allow for overruns."
                    / "Elke kostenpost wordt met dit deel verhoogd om overschrijdingen mee te nemen.";
            realisation_pct = 80, Percent, 0 to 100,
                "Realisation of freed time" / "Verzilvering vrijgekomen tijd",
                "Share of saved agent time that becomes saved cost (fewer hires, less overtime, no temps)."
                    / "Deel van de bespaarde agenttijd dat echt geld oplevert (minder werving, overwerk, inhuur).";
        }
    }
}
