//! The omnichannel platform initiative.

use crate::model::input::input_group;
use crate::model::ramp::RampShape;

input_group! {
    /// One platform for all channels: agents see the history, customers repeat themselves less.
    pub struct Omnichannel, group Omnichannel, prefix "omnichannel", descriptors OMNICHANNEL_INPUTS {
        plain {
            /// Whether the omnichannel platform is part of this scenario.
            enabled: bool = true,
            /// How adoption grows after go-live.
            ramp_shape: RampShape = RampShape::SCurve,
        }
        months {
            start_month = 1, 1 to 120,
                "Start month" / "Startmaand",
                "Month the project starts; one-off costs are booked here."
                    / "Maand waarin het project start; eenmalige kosten vallen hier.";
            implementation_months = 3, 0 to 36,
                "Implementation" / "Implementatie",
                "Months of set-up and integration before go-live: costs run, benefits do not yet."
                    / "Maanden inrichting en koppeling vóór livegang: kosten lopen, baten nog niet.";
            ramp_months = 6, 0 to 36,
                "Ramp-up" / "Opbouw",
                "Months after go-live until the full effect is reached."
                    / "Maanden na livegang tot het volledige effect is bereikt.";
        }
        values {
            setup_cost = 90000, Eur, 0 to 100000000,
                "Set-up and integration" / "Inrichting en koppelingen",
                "One-off cost of platform set-up, CRM/ticketing integration and middleware."
                    / "Eenmalige kosten voor inrichting, CRM-/ticketkoppeling en middleware.";
            hidden_cost_pct = 40, Percent, 0 to 200,
                "Hidden costs" / "Verborgen kosten",
                "Training, integration and change management on top of the one-off cost (sources: 30-50%)."
                    / "Training, integratie en verandermanagement bovenop de eenmalige kosten (bronnen: 30-50%).",
                source "The articles: training, integration and change management add 30-50% on top of the initial investment."
                    / "De artikelen: training, integratie en verandermanagement voegen 30-50% toe aan de initiële investering.",
                typical 30 to 50;
            licence_per_seat_monthly = 90, EurPerSeatMonth, 0 to 10000,
                "Licence per seat" / "Licentie per plek",
                "Monthly licence for each agent seat, from the start month."
                    / "Maandelijkse licentie per agentplek, vanaf de startmaand.";
            duplicate_reduction_pct = 6, Percent, 0 to 100,
                "Fewer duplicate contacts" / "Minder dubbele contacten",
                "Share of all contacts that were the same question again on another channel and disappear."
                    / "Deel van alle contacten dat dezelfde vraag via een ander kanaal was en verdwijnt.";
            aht_reduction_pct = 8, Percent, 0 to 90,
                "Shorter handle time" / "Kortere afhandeltijd",
                "Relative drop in handle time because the agent sees the whole history."
                    / "Relatieve daling van de afhandeltijd doordat de agent de hele historie ziet.";
            fcr_improvement_pct = 10, Percent, 0 to 100,
                "Better first-contact resolution" / "Betere eerste-contactoplossing",
                "Relative rise in first-contact resolution (sources: +20-40%)."
                    / "Relatieve stijging van de oplossing bij eerste contact (bronnen: +20-40%).";
            churn_reduction_pct = 5, Percent, 0 to 100,
                "Churn reduction" / "Minder klantverloop",
                "Relative drop in customer churn from a consistent experience on every channel."
                    / "Relatieve daling van het klantverloop door een consistente ervaring op elk kanaal.";
            dip_weeks = 3, Weeks, 0 to 8,
                "Go-live dip" / "Dip bij livegang",
                "Weeks agents work slower while they learn the new system (sources: 2-4 weeks)."
                    / "Weken dat agents trager werken terwijl ze het nieuwe systeem leren (bronnen: 2-4 weken).",
                source "The articles: productivity drops for 2-4 weeks while a team learns a new system."
                    / "De artikelen: de productiviteit daalt 2-4 weken terwijl een team een nieuw systeem leert.",
                typical 2 to 4;
            dip_pct = 20, Percent, 0 to 100,
                "Productivity loss in dip" / "Productieverlies in dip",
                "How much slower agents work during the go-live dip."
                    / "Hoeveel trager agents werken tijdens de dip bij livegang.";
        }
    }
}
