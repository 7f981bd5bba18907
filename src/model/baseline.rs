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
            opening_hours_monthly = 220, HoursPerMonth, 1 to 744,
                "Opening hours per month" / "Openingsuren per maand",
                "Hours a month the contact centre answers contacts; the month's agent contacts are spread over them."
                    / "Uren per maand dat het klantcontact contacten beantwoordt; de agentcontacten van de maand worden erover verdeeld.",
                source "A weekday contact centre: 22 days of 10 opening hours." / "Een klantcontact op werkdagen: 22 dagen van 10 openingsuren.",
                legacy "crate::model::legacy::opening_hours";
            service_level_pct = 80, Percent, 1 to 99,
                "Service level target" / "Servicelevel-doel",
                "Share of contacts to answer within the target seconds; staffing by Erlang C meets it."
                    / "Deel van de contacten dat binnen de doelseconden beantwoord moet worden; de bezetting volgens Erlang C haalt het.",
                source "The contact-centre convention: 80% answered within 20 seconds." / "De gangbare norm in klantcontact: 80% binnen 20 seconden beantwoord.",
                legacy "crate::model::legacy::service_level_pct";
            service_level_seconds = 20, Seconds, 1 to 3600,
                "Answered within" / "Beantwoord binnen",
                "The seconds of the service-level target."
                    / "De seconden van het servicelevel-doel.",
                source "The contact-centre convention: 80% answered within 20 seconds." / "De gangbare norm in klantcontact: 80% binnen 20 seconden beantwoord.",
                legacy "crate::model::legacy::service_level_seconds";
            shrinkage_pct = 30, Percent, 0 to 80,
                "Shrinkage" / "Shrinkage",
                "Share of paid hours agents are not on the line: leave, sickness, meetings, training, breaks."
                    / "Deel van de betaalde uren dat agents niet beschikbaar zijn: verlof, ziekte, overleg, training, pauzes.",
                source "Contact-centre planning: shrinkage typically runs at 30-35% of paid time." / "Contactcenterplanning: shrinkage is meestal 30-35% van de betaalde tijd.",
                typical 30 to 35,
                legacy "crate::model::legacy::shrinkage_pct";
            paid_hours_per_fte_monthly = 165, HoursPerFteMonth, 20 to 250,
                "Paid hours per FTE" / "Betaalde uren per fte",
                "Hours one full-time agent is paid for in a month, shrinkage included."
                    / "Uren waarvoor één fulltime agent per maand betaald wordt, shrinkage inbegrepen.",
                source "A 38-hour week: 38 × 52 / 12 ≈ 165 paid hours a month." / "Een werkweek van 38 uur: 38 × 52 / 12 ≈ 165 betaalde uren per maand.",
                legacy "crate::model::legacy::paid_hours_per_fte";
            agent_cost_per_paid_hour = 25, EurPerHour, 0 to 500,
                "Agent cost per paid hour" / "Agentkosten per betaald uur",
                "Fully loaded cost of one paid agent hour: salary, social charges, workplace, management; payroll = paid FTE × paid hours × this."
                    / "Integrale kosten van één betaald agentuur: salaris, lasten, werkplek, leiding; loonkosten = betaalde fte × betaalde uren × dit.",
                source "About €3,500-4,500 a month fully loaded for a contact-centre agent (pay, about 30% employer charges, workplace, management) over 165 paid hours; it puts a live contact at the benchmarks' €4-9."
                    / "Ongeveer €3.500-4.500 per maand integraal voor een contactcenteragent (loon, ongeveer 30% werkgeverslasten, werkplek, leiding) over 165 betaalde uren; een live contact komt zo op de benchmarks van €4-9.",
                typical 21 to 27,
                legacy "crate::model::legacy::agent_cost_per_paid_hour";
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
