//! The AI chatbot / self-service initiative.

use crate::model::input::input_group;
use crate::model::ramp::RampShape;

input_group! {
    /// An AI chatbot that resolves a share of contacts without an agent.
    pub struct Chatbot, group Chatbot, prefix "chatbot", descriptors CHATBOT_INPUTS {
        plain {
            /// Whether the chatbot is part of this scenario.
            enabled: bool = true,
            /// How adoption grows after go-live.
            ramp_shape: RampShape = RampShape::SCurve,
        }
        months {
            start_month = 1, 1 to 120,
                "Start month" / "Startmaand",
                "Month the project starts; one-off costs are booked here."
                    / "Maand waarin het project start; eenmalige kosten vallen hier.";
            implementation_months = 1, 0 to 36,
                "Implementation" / "Implementatie",
                "Months of building before go-live: costs run, benefits do not yet."
                    / "Maanden bouwen vóór livegang: kosten lopen, baten nog niet.";
            ramp_months = 3, 0 to 36,
                "Ramp-up" / "Opbouw",
                "Months after go-live until the full resolution rate is reached."
                    / "Maanden na livegang tot het volledige oplospercentage is bereikt.";
        }
        values {
            setup_cost = 25000, Eur, 0 to 100000000,
                "Implementation cost" / "Implementatiekosten",
                "One-off cost of building, integrating and writing content for the bot."
                    / "Eenmalige kosten voor bouwen, koppelen en content van de bot.";
            hidden_cost_pct = 40, Percent, 0 to 200,
                "Hidden costs" / "Verborgen kosten",
                "Training, integration and change management on top of the one-off cost (sources: 30-50%)."
                    / "Training, integratie en verandermanagement bovenop de eenmalige kosten (bronnen: 30-50%).",
                source "The articles: training, integration and change management add 30-50% on top of the initial investment."
                    / "De artikelen: training, integratie en verandermanagement voegen 30-50% toe aan de initiële investering.",
                typical 30 to 50;
            licence_monthly = 1500, EurPerMonth, 0 to 10000000,
                "Licence" / "Licentie",
                "Monthly platform licence, from the start month."
                    / "Maandelijkse platformlicentie, vanaf de startmaand.";
            maintenance_monthly = 1500, EurPerMonth, 0 to 10000000,
                "Maintenance and content" / "Onderhoud en content",
                "Monthly work to keep answers current, from go-live."
                    / "Maandelijks werk om antwoorden actueel te houden, vanaf livegang.";
            price_per_resolution = 1, EurPerResolution, 0 to 100,
                "Price per resolution" / "Prijs per oplossing",
                "What the vendor charges for each conversation the bot resolves (benchmark about €1)."
                    / "Wat de leverancier rekent per gesprek dat de bot oplost (benchmark ongeveer €1).";
            containment_pct = 30, Percent, 0 to 100,
                "Resolution rate" / "Oplospercentage",
                "Share of contacts the bot counts as resolved without an agent at full effect (20-40% at launch, 50-60% later)."
                    / "Deel van de contacten dat de bot zonder agent oplost bij volledig effect (20-40% bij start, later 50-60%).",
                source "Benchmarks: 20-40% at launch, 50-60% after six months of content work." / "Benchmarks: 20-40% bij de start, 50-60% na zes maanden contentwerk.",
                typical 20 to 60;
            handle_time_saved_minutes = 4, Minutes, 0 to 120,
                "Handle time per bot resolution" / "Afhandeltijd per botoplossing",
                "Agent minutes one contact the bot resolves would have taken. The bot takes the routine, shorter questions, so this is below the average handle time."
                    / "Agentminuten die één door de bot opgelost contact gekost zou hebben. De bot neemt de routinematige, kortere vragen, dus dit ligt onder de gemiddelde afhandeltijd.",
                source "The articles: bots take routine questions (opening hours, order status, password resets, FAQ), the short end of the contact mix; chat analytics put basic questions at 30 seconds to 5 minutes of handling, and such contacts usually take an agent 3-5 minutes, against a 9-minute average. Use your own figures per contact reason."
                    / "De artikelen: bots nemen routinevragen (openingstijden, orderstatus, wachtwoord opnieuw, veelgestelde vragen), de korte kant van de contactmix; chatanalyses zetten eenvoudige vragen op 30 seconden tot 5 minuten afhandeling, en zulke contacten kosten een agent meestal 3-5 minuten, tegen een gemiddelde van 9 minuten. Gebruik uw eigen cijfers per contactreden.",
                typical 3 to 5,
                legacy "crate::model::legacy::unset";
            failure_pct = 10, Percent, 0 to 90,
                "Failed bot resolutions" / "Mislukte botoplossingen",
                "Share of the conversations the bot counts as resolved in which the customer still reaches an agent: billed by the vendor, handled by an agent, no time saved."
                    / "Deel van de gesprekken die de bot als opgelost telt waarin de klant toch bij een agent uitkomt: door de leverancier gefactureerd, door een agent afgehandeld, geen tijd bespaard.",
                source "Chatbot benchmarks put escalations the bot should have handled at 5-10% of its conversations."
                    / "Chatbotbenchmarks leggen escalaties die de bot had moeten afhandelen op 5-10% van zijn gesprekken.",
                typical 5 to 10,
                legacy "crate::model::legacy::zero";
            churn_reduction_pct = 2, Percent, 0 to 100,
                "Churn reduction" / "Minder klantverloop",
                "Relative drop in customer churn from 24/7 service."
                    / "Relatieve daling van het klantverloop door 24/7 service.";
            dip_weeks = 2, Weeks, 0 to 8,
                "Go-live dip" / "Dip bij livegang",
                "Weeks agents work slower while they learn the new way of working."
                    / "Weken dat agents trager werken terwijl ze de nieuwe werkwijze leren.",
                source "The articles: productivity drops for 2-4 weeks while a team learns a new system."
                    / "De artikelen: de productiviteit daalt 2-4 weken terwijl een team een nieuw systeem leert.",
                typical 2 to 4;
            dip_pct = 5, Percent, 0 to 100,
                "Productivity loss in dip" / "Productieverlies in dip",
                "How much slower agents work during the go-live dip."
                    / "Hoeveel trager agents werken tijdens de dip bij livegang.";
        }
    }
}
