//! The agent training initiative.

use crate::model::input::input_group;
use crate::model::ramp::RampShape;

input_group! {
    /// A training programme for all agents: faster, better answers and fewer leavers.
    pub struct Training, group Training, prefix "training", descriptors TRAINING_INPUTS {
        plain {
            /// Whether agent training is part of this scenario.
            enabled: bool = true,
            /// How the effect grows after the course.
            ramp_shape: RampShape = RampShape::Linear,
            /// No benefit in a month in which agents are away being trained: with a course
            /// shorter than a month, the effect starts the month after the start month.
            #[serde(default = "crate::model::legacy::no")]
            no_benefit_while_training: bool = true,
        }
        months {
            start_month = 1, 1 to 120,
                "Start month" / "Startmaand",
                "Month the training starts; its one-off costs are booked here."
                    / "Maand waarin de training start; de eenmalige kosten vallen hier.";
            implementation_months = 0, 0 to 36,
                "Course length" / "Duur opleiding",
                "Months the course takes before agents apply it: costs run, benefits do not yet."
                    / "Maanden die de opleiding duurt voordat agents het toepassen: kosten lopen, baten nog niet.";
            ramp_months = 2, 0 to 36,
                "Ramp-up" / "Opbouw",
                "Months after the course until the full effect is reached."
                    / "Maanden na de opleiding tot het volledige effect is bereikt.";
        }
        values {
            cost_per_agent = 600, EurPerAgent, 0 to 100000,
                "Course fee per agent" / "Cursusprijs per agent",
                "One-off course fee for each agent trained."
                    / "Eenmalige cursusprijs per opgeleide agent.";
            trainer_days = 10, Days, 0 to 1000,
                "Trainer days" / "Trainersdagen",
                "Days of trainers and coaches for the programme."
                    / "Dagen van trainers en coaches voor het programma.";
            trainer_day_rate = 1000, EurPerDay, 0 to 100000,
                "Trainer day rate" / "Dagtarief trainer",
                "Cost of one trainer day."
                    / "Kosten van één trainersdag.";
            hours_off_phone_per_agent = 8, HoursPerAgent, 0 to 500,
                "Hours off the phone" / "Uren uit de lijn",
                "Hours each agent spends in training instead of handling contacts, paid at the agent cost."
                    / "Uren die elke agent in training zit in plaats van contacten te behandelen, tegen agentkosten.";
            hidden_cost_pct = 30, Percent, 0 to 200,
                "Hidden costs" / "Verborgen kosten",
                "Preparation, coordination and change management on top of the one-off cost."
                    / "Voorbereiding, coördinatie en verandermanagement bovenop de eenmalige kosten.",
                source "The articles: training, integration and change management add 30-50% on top of the initial investment."
                    / "De artikelen: training, integratie en verandermanagement voegen 30-50% toe aan de initiële investering.",
                typical 30 to 50;
            refresher_monthly = 800, EurPerMonth, 0 to 10000000,
                "Refresher and coaching" / "Opfrissen en coaching",
                "Monthly cost of refresher sessions and coaching, from the end of the course."
                    / "Maandelijkse kosten van opfrissessies en coaching, vanaf het einde van de opleiding.";
            aht_reduction_pct = 6, Percent, 0 to 90,
                "Shorter handle time" / "Kortere afhandeltijd",
                "Relative drop in handle time of trained agents."
                    / "Relatieve daling van de afhandeltijd van opgeleide agents.";
            fcr_improvement_pct = 6, Percent, 0 to 100,
                "Better first-contact resolution" / "Betere eerste-contactoplossing",
                "Relative rise in first-contact resolution."
                    / "Relatieve stijging van de oplossing bij eerste contact.";
            attrition_reduction_pct = 15, Percent, 0 to 100,
                "Less agent attrition" / "Minder verloop agents",
                "Relative drop in agents leaving, and so in replacements to pay for."
                    / "Relatieve daling van vertrekkende agents, en dus van te betalen vervangingen.";
            churn_reduction_pct = 2, Percent, 0 to 100,
                "Churn reduction" / "Minder klantverloop",
                "Relative drop in customer churn from better service (higher CSAT)."
                    / "Relatieve daling van het klantverloop door betere service (hogere CSAT).";
        }
    }
}
