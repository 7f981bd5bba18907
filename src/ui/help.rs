//! "How the numbers are computed", in both languages; the same model as the README section
//! and the simulation's module docs.

use crate::model::Lang;

const EN: &[(&str, &str)] = &[
    (
        "Adoption",
        "Each initiative has a start month, implementation months (costs run, benefits do not yet) and ramp-up months to full effect, linear or S-shaped. Its effects are multiplied by its adoption, from 0 to 1.",
    ),
    (
        "Agent cost",
        "A paid agent minute costs agent cost per hour / (60 × occupancy). Saved agent time becomes saved cost only for the realisation share: saved value = minutes saved × paid minute × realisation.",
    ),
    (
        "Contact volume",
        "Questions not solved at the first contact come back once, so contacts = issues × (2 − FCR). Step by step, each on what the step before left: omnichannel and training raise FCR; omnichannel removes duplicate contacts; the chatbot resolves its share of what is left; omnichannel and then training shorten the handle time of what agents still handle. This is how the initiatives interact instead of adding up.",
    ),
    (
        "Agent time saved",
        "Chatbot: contacts the bot resolves × handle time. Omnichannel: contacts avoided by better FCR and fewer duplicates × handle time, plus agent contacts × minutes saved per contact. Training: the same for its FCR and handle-time effects. Each × saved value per minute.",
    ),
    (
        "Retained customers",
        "Each initiative lowers churn by its share, one after the other. Customers kept this month = customers kept last month × (1 − churn) + active customers × the churn reduction; margin of retained customers = customers kept × margin per customer per month.",
    ),
    (
        "Avoided replacements",
        "Training: agents × yearly attrition / 12 × attrition reduction × adoption × cost to replace an agent.",
    ),
    (
        "Costs",
        "One-off costs (set-up, course fees, trainer days, hours off the phone) and hidden costs (a percentage of them) fall in the start month; licences run from the start month; maintenance and refreshers from go-live; bot fees per resolution; the go-live dip costs agent cost per month × loss % × dip weeks × 12/52 in the go-live month. Custom lines fall as entered.",
    ),
    (
        "Risk adjustment",
        "Benefits × (1 − benefit risk), costs × (1 + cost risk), before every figure below. The cards show the unadjusted figure beside.",
    ),
    (
        "ROI and net benefit",
        "Net benefit = benefits − costs; ROI = (benefits − costs) / costs × 100%, over the horizon and to date each month.",
    ),
    (
        "Break-even and payback",
        "Break-even is the first month whose cumulative net is ≥ 0, counted from the first month with any cost or benefit (s); none if nothing happens. Payback counts from the start of month s and interpolates inside the break-even month m: (m − s) + (−cumulative(m − 1)) / net(m).",
    ),
    (
        "NPV and IRR",
        "The yearly discount rate r gives a monthly rate (1 + r)^(1/12) − 1; NPV = Σ net(m) / (1 + monthly)^m, flows at the end of each month. IRR is the monthly rate that makes NPV zero, shown per year as (1 + irr)^12 − 1; there is none when the monthly flows never change sign, and none (with a warning) when they change sign more than once, because then more than one rate can make the NPV zero.",
    ),
];

const NL: &[(&str, &str)] = &[
    (
        "Adoptie",
        "Elk initiatief heeft een startmaand, implementatiemaanden (kosten lopen, baten nog niet) en opbouwmaanden tot volledig effect, lineair of als S-curve. De effecten worden vermenigvuldigd met de adoptie, van 0 tot 1.",
    ),
    (
        "Agentkosten",
        "Een betaalde agentminuut kost agentkosten per uur / (60 × bezettingsgraad). Bespaarde agenttijd wordt alleen voor het verzilverde deel bespaard geld: bespaarde waarde = bespaarde minuten × betaalde minuut × verzilvering.",
    ),
    (
        "Contactvolume",
        "Vragen die niet bij het eerste contact zijn opgelost komen één keer terug, dus contacten = vragen × (2 − FCR). Stap voor stap, elk op wat de vorige stap overliet: omnichannel en training verhogen de FCR; omnichannel haalt dubbele contacten weg; de chatbot lost zijn deel op van wat overblijft; omnichannel en daarna training verkorten de afhandeltijd van wat agents nog behandelen. Zo werken de initiatieven op elkaar in in plaats van op te tellen.",
    ),
    (
        "Bespaarde agenttijd",
        "Chatbot: door de bot opgeloste contacten × afhandeltijd. Omnichannel: contacten vermeden door betere FCR en minder dubbele contacten × afhandeltijd, plus agentcontacten × bespaarde minuten per contact. Training: hetzelfde voor zijn FCR- en afhandeltijdeffect. Elk × bespaarde waarde per minuut.",
    ),
    (
        "Behouden klanten",
        "Elk initiatief verlaagt het klantverloop met zijn deel, na elkaar. Behouden klanten deze maand = behouden klanten vorige maand × (1 − verloop) + actieve klanten × de verlaging; marge van behouden klanten = behouden klanten × marge per klant per maand.",
    ),
    (
        "Vermeden vervanging",
        "Training: agents × jaarlijks verloop / 12 × verlaging van het verloop × adoptie × kosten om een agent te vervangen.",
    ),
    (
        "Kosten",
        "Eenmalige kosten (inrichting, cursusprijs, trainersdagen, uren uit de lijn) en verborgen kosten (een percentage daarvan) vallen in de startmaand; licenties lopen vanaf de startmaand; onderhoud en opfrissen vanaf livegang; botkosten per oplossing; de dip bij livegang kost agentkosten per maand × verlies % × dipweken × 12/52 in de maand van livegang. Eigen posten vallen zoals ingevoerd.",
    ),
    (
        "Risicocorrectie",
        "Baten × (1 − risico baten), kosten × (1 + risico kosten), vóór elk cijfer hieronder. De kaarten tonen het ongecorrigeerde cijfer ernaast.",
    ),
    (
        "ROI en netto opbrengst",
        "Netto opbrengst = baten − kosten; ROI = (baten − kosten) / kosten × 100%, over de horizon en per maand tot dan toe.",
    ),
    (
        "Break-even en terugverdientijd",
        "Break-even is de eerste maand waarin het cumulatieve netto resultaat ≥ 0 is, geteld vanaf de eerste maand met kosten of baten (s); geen als er niets gebeurt. De terugverdientijd telt vanaf het begin van maand s en interpoleert binnen de break-evenmaand m: (m − s) + (−cumulatief(m − 1)) / netto(m).",
    ),
    (
        "NCW en IRR",
        "De jaarlijkse disconteringsvoet r geeft een maandrente (1 + r)^(1/12) − 1; NCW = Σ netto(m) / (1 + maandrente)^m, kasstromen aan het eind van elke maand. De IRR is de maandrente waarbij de NCW nul is, per jaar getoond als (1 + irr)^12 − 1; die is er niet als de kasstromen per maand nooit van teken wisselen, en ook niet (met een waarschuwing) als ze meer dan eens van teken wisselen, omdat dan meer dan één rente de NCW nul kan maken.",
    ),
];

/// Draws the explanation in `lang`.
pub fn help_ui(ui: &mut egui::Ui, lang: Lang) {
    let sections = match lang {
        Lang::En => EN,
        Lang::Nl => NL,
    };
    for (title, text) in sections {
        ui.label(egui::RichText::new(*title).strong());
        ui.label(*text);
        ui.add_space(6.0);
    }
}
