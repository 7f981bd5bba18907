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
            contact_growth_yearly_pct = 0, PercentPerYear, -50 to 100,
                "Contact growth" / "Groei contacten",
                "Yearly growth of the contact volume, compounded month by month; 0 keeps today's volume."
                    / "Jaarlijkse groei van het contactvolume, maand op maand samengesteld; 0 houdt het volume van vandaag.",
                source "Your own volume forecast; 0 unless you have one." / "Uw eigen volumeprognose; 0 zolang u die niet heeft.",
                legacy "crate::model::legacy::zero";
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
            hours_per_fte_monthly = 110, HoursPerFteMonth, 20 to 250,
                "Hours per FTE" / "Uren per fte",
                "Hours one full-time agent is available for contacts in a month; sizes the workload in agents (contacts × handle time / occupancy / these hours) to check against the headcount."
                    / "Uren dat één fulltime agent per maand beschikbaar is voor contacten; rekent de werklast om naar agents (contacten × afhandeltijd / bezetting / deze uren) als controle op het aantal agents.",
                source "A 38-hour week is 165 paid hours a month; leave, sickness, training and meetings (shrinkage, about a third in contact-centre planning) leave about 110."
                    / "Een werkweek van 38 uur is 165 betaalde uren per maand; verlof, ziekte, training en overleg (shrinkage, ongeveer een derde in contactcenterplanning) laten er ongeveer 110 over.",
                legacy "crate::model::legacy::hours_per_fte";
            attrition_yearly_pct = 35, PercentPerYear, 0 to 200,
                "Agent attrition" / "Verloop agents",
                "Share of agents who leave in a year and must be replaced."
                    / "Deel van de agents dat per jaar vertrekt en vervangen moet worden.",
                source "Public benchmarks: contact-centre agent attrition runs at 30-45% a year."
                    / "Publieke benchmarks: het verloop van contactcenteragents ligt op 30-45% per jaar.",
                typical 30 to 45;
            replacement_cost_per_agent = 12000, EurPerAgent, 0 to 200000,
                "Cost to replace an agent" / "Kosten vervanging agent",
                "Recruiting, onboarding and lost productivity when one agent is replaced."
                    / "Werving, inwerken en productieverlies bij het vervangen van één agent.",
                source "Public benchmarks: replacing one agent (recruiting, onboarding, lost productivity) costs €10-15k."
                    / "Publieke benchmarks: één agent vervangen (werving, inwerken, productieverlies) kost €10-15k.",
                typical 10000 to 15000;
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
