//! Today's contact centre: the figures the manager knows before any initiative starts.

use crate::model::input::input_group;

input_group! {
    /// The contact centre as it is today; every initiative's effect is measured against it.
    pub struct Baseline, group Baseline, prefix "baseline", descriptors BASELINE_INPUTS {
        plain {}
        months {}
        values {
            contacts_per_month = 20000, ContactsPerMonth, 0 to 10000000,
                "Contacts per month" / "Contacten per maand",
                "All contacts agents handle in a month, over all channels, repeats included."
                    / "Alle contacten die agents per maand behandelen, over alle kanalen, herhalingen inbegrepen.";
            handle_time_minutes = 9, Minutes, 0.5 to 120,
                "Average handle time" / "Gemiddelde afhandeltijd",
                "Minutes an agent spends on one contact, after-call work included (AHT)."
                    / "Minuten die een agent aan één contact besteedt, nawerk inbegrepen (AHT).";
            agent_cost_per_hour = 35, EurPerHour, 0 to 500,
                "Agent cost per hour" / "Agentkosten per uur",
                "Fully loaded cost of one paid agent hour: salary, social charges, workplace, management."
                    / "Integrale kosten van één betaald agentuur: salaris, lasten, werkplek, leiding.";
            occupancy_pct = 80, Percent, 10 to 100,
                "Occupancy" / "Bezettingsgraad",
                "Share of paid agent time spent handling contacts."
                    / "Deel van de betaalde agenttijd dat aan contacten wordt besteed.";
            fcr_pct = 70, Percent, 0 to 100,
                "First-contact resolution" / "Oplossing bij eerste contact",
                "Share of customer questions solved in the first contact (FCR); the rest come back once."
                    / "Deel van de klantvragen dat in het eerste contact is opgelost (FCR); de rest komt één keer terug.";
            agents_fte = 40, Fte, 0 to 100000,
                "Agents" / "Agents",
                "Agent headcount in full-time equivalents; used for seats, training and attrition."
                    / "Aantal agents in fte; telt voor licentieplekken, training en verloop.";
            attrition_yearly_pct = 35, PercentPerYear, 0 to 200,
                "Agent attrition" / "Verloop agents",
                "Share of agents who leave in a year and must be replaced."
                    / "Deel van de agents dat per jaar vertrekt en vervangen moet worden.";
            replacement_cost_per_agent = 12000, EurPerAgent, 0 to 200000,
                "Cost to replace an agent" / "Kosten vervanging agent",
                "Recruiting, onboarding and lost productivity when one agent is replaced."
                    / "Werving, inwerken en productieverlies bij het vervangen van één agent.";
            active_customers = 50000, Customers, 0 to 100000000,
                "Active customers" / "Actieve klanten",
                "Customers served today."
                    / "Klanten die vandaag worden bediend.";
            churn_monthly_pct = 1.5, PercentPerMonth, 0 to 50,
                "Customer churn" / "Klantverloop",
                "Share of customers lost each month."
                    / "Deel van de klanten dat per maand vertrekt.";
            margin_per_customer_monthly = 25, EurPerCustomerMonth, 0 to 100000,
                "Margin per customer" / "Marge per klant",
                "Monthly margin one customer brings in; what a lost customer costs each month."
                    / "Maandelijkse marge van één klant; wat een verloren klant per maand kost.";
        }
    }
}
