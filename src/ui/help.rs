//! "How the numbers are computed", in both languages: first a plain summary for managers, then
//! the formulas for finance reviewers; the same model as the README section and the
//! simulation's module docs.

use crate::model::Lang;

/// The summary for managers: what the program does with the inputs, in plain words.
const SUMMARY_EN: &[&str] = &[
    "The program starts from your contact centre as it is today: how many contacts, how long each takes, what an agent hour costs, how many questions are solved the first time, how many customers leave each month.",
    "Each initiative changes some of those figures, step by step, from the month it goes live and growing over its ramp-up: the chatbot answers routine questions, omnichannel avoids repeat and duplicate contacts and shortens calls, training makes agents faster and better and keeps them longer. They work on the same contacts, so together they add up to less than the sum of their parts.",
    "Agent time saved becomes money only as the team gets smaller: the program staffs the contact centre for your service level (for example 80% of contacts answered within 20 seconds), and paid agents fall only as people leave and are not replaced, or are let go after their notice, by the policy you choose. The saving is the payroll and hiring that path avoids against the same policy without the initiatives. (Older files use a simpler realisation share, and say so.) Customers kept bring their margin, but only some months after go-live, and that revenue is less certain than a saving.",
    "Against those benefits stand the costs: one-off set-up and hidden costs (training, integration, change management), licences and fees every month, and a dip in productivity while people learn.",
    "A finance reviewer then lowers every benefit and raises every cost by a risk percentage. The cards show those risk-adjusted figures, with the unadjusted ones beside. Break-even is the month the running total turns positive; payback says how many months that took from the first cost.",
    "The KPI tab shows the operational figures behind the money (contacts, handle time, first-contact resolution, cost per contact, agents needed), so you can check the money against what you already measure.",
    "How sure: give an input a range (the ± button beside it) and the program runs 10,000 trials, each with every ranged input drawn from its range. The shaded band on the chart holds the middle 8 of 10 trials (P10 to P90). Example: a band from €100,000 to €230,000 at month 18 means 1 trial in 10 ends below €100,000 and 1 in 10 above €230,000.",
    "Chance of break-even by month: the share of trials that have paid back by that month. Example: 70% by month 12 means that in 7 of 10 trials the running total is positive by month 12; pick another month on the card to ask about it.",
    "What matters most (the tornado): each input moved from its low to its high value, everything else as entered; the longer the bar, the more that input decides the result. The low and high values stand beside each bar. Inputs without a range move 20% either way and are marked so. Example: a resolution rate from 20% to 55% moving the net benefit from €60,000 to €240,000 is the input to pin down first.",
    "What must be true (goal seek): pick a result and a target and an input, and the program finds the value of that input that meets it. Example: break-even by month 12 needs a resolution rate of 41%; it says so when that is outside the range you gave or outside what the sources call typical.",
    "Staffing: the program staffs for your service level. Example: 20,000 contacts of 9 minutes over 220 opening hours (13.6 Erlangs of traffic) need 18 agents on the line for 80% answered within 20 seconds; with 30% shrinkage (leave, sickness, meetings) that is 34.3 paid FTE. The KPI tab shows service level, speed of answer and paid against required FTE month by month.",
    "Once the case is approved, the Tracking tab compares the plan with what happened and splits the gap the way a controller does. Volume: what the plan would have given at the contacts you really had. Performance: what happened against that, per initiative and per cause. Example: 10% more contacts and nothing else gives a volume effect and no performance effect at all; agents still on the payroll where the plan expected fewer show as savings not yet realised.",
    "Starting out: File > New from my own numbers (Ctrl+N) asks for nine figures you already track, then which initiatives to consider; every other figure starts from a sourced default you can see on hover and change. Duplicate a scenario to ask \"what if\": the copy is named after what you change in it (\"… – resolution rate 40 %\"), mark one scenario \"base\" in the list and the comparison measures the others against it whichever you select.",
];

const SUMMARY_NL: &[&str] = &[
    "Het programma gaat uit van uw klantcontactcentrum zoals het nu is: hoeveel contacten, hoe lang elk duurt, wat een agentuur kost, hoeveel vragen de eerste keer zijn opgelost, hoeveel klanten elke maand vertrekken.",
    "Elk initiatief verandert een deel van die cijfers, stap voor stap, vanaf de maand van livegang en groeiend tijdens de opbouw: de chatbot beantwoordt routinevragen, omnichannel voorkomt herhaal- en dubbele contacten en verkort gesprekken, training maakt agents sneller en beter en houdt ze langer vast. Ze werken op dezelfde contacten, dus samen leveren ze minder op dan de som van de delen.",
    "Bespaarde agenttijd wordt pas geld als het team kleiner wordt: het programma bezet het klantcontact voor uw servicelevel (bijvoorbeeld 80% van de contacten binnen 20 seconden beantwoord), en het aantal betaalde agents daalt alleen doordat mensen vertrekken en niet worden vervangen, of na hun opzegtermijn worden ontslagen, volgens het beleid dat u kiest. De besparing is de loonkosten en werving die dat pad uitspaart tegenover hetzelfde beleid zonder de initiatieven. (Oudere bestanden gebruiken een eenvoudiger verzilveringsdeel, en zeggen dat.) Behouden klanten brengen hun marge in, maar pas enkele maanden na livegang, en die omzet is onzekerder dan een besparing.",
    "Tegenover die baten staan de kosten: eenmalige inrichting en verborgen kosten (training, integratie, verandermanagement), licenties en kosten elke maand, en een productiedip terwijl mensen leren.",
    "Een financieel beoordelaar verlaagt daarna elke baat en verhoogt elke kostenpost met een risicopercentage. De kaarten tonen die gecorrigeerde cijfers, met de ongecorrigeerde ernaast. Break-even is de maand waarin het lopende totaal positief wordt; de terugverdientijd zegt hoeveel maanden dat vanaf de eerste kosten duurde.",
    "Het tabblad KPI's toont de operationele cijfers achter het geld (contacten, afhandeltijd, oplossing bij eerste contact, kosten per contact, benodigde agents), zodat u het geld kunt toetsen aan wat u al meet.",
    "Hoe zeker: geef een invoer een bandbreedte (de ±-knop ernaast) en het programma draait 10.000 trekkingen, elk met elke invoer met een bandbreedte getrokken uit die bandbreedte. De gearceerde band in de grafiek bevat de middelste 8 van 10 trekkingen (P10 tot P90). Voorbeeld: een band van € 100.000 tot € 230.000 in maand 18 betekent dat 1 op 10 trekkingen onder € 100.000 eindigt en 1 op 10 boven € 230.000.",
    "Kans op break-even per maand: het deel van de trekkingen dat in die maand is terugverdiend. Voorbeeld: 70% in maand 12 betekent dat in 7 van 10 trekkingen het lopende totaal in maand 12 positief is; kies op de kaart een andere maand om daarnaar te vragen.",
    "Wat het meest telt (de tornado): elke invoer van zijn lage naar zijn hoge waarde, de rest zoals ingevoerd; hoe langer de balk, hoe meer die invoer de uitkomst bepaalt. De lage en hoge waarde staan naast elke balk. Invoer zonder bandbreedte beweegt 20% naar elke kant en is zo gemarkeerd. Voorbeeld: een oplospercentage van 20% tot 55% dat de netto opbrengst van € 60.000 naar € 240.000 beweegt, is de invoer om eerst vast te stellen.",
    "Wat moet er waar zijn (doelzoeken): kies een uitkomst, een doel en een invoer, en het programma vindt de waarde van die invoer die het doel haalt. Voorbeeld: break-even in maand 12 vraagt een oplospercentage van 41%; het zegt het als dat buiten uw bandbreedte valt of buiten wat de bronnen gangbaar noemen.",
    "Bezetting: het programma bezet voor uw servicelevel. Voorbeeld: 20.000 contacten van 9 minuten over 220 openingsuren (13,6 Erlang verkeer) vragen 18 agents aan de lijn voor 80% beantwoord binnen 20 seconden; met 30% shrinkage (verlof, ziekte, overleg) is dat 34,3 betaalde fte. Het tabblad KPI's toont servicelevel, wachttijd en betaalde tegenover benodigde fte per maand.",
    "Als de case is goedgekeurd, vergelijkt het tabblad Voortgang het plan met wat er gebeurde en splitst het verschil zoals een controller dat doet. Volume: wat het plan had opgeleverd bij de contacten die u werkelijk had. Prestatie: wat er gebeurde tegenover dat aangepaste plan, per initiatief en per oorzaak. Voorbeeld: 10% meer contacten en verder niets geeft een volume-effect en helemaal geen prestatie-effect; agents die nog op de loonlijst staan waar het plan er minder verwachtte, tonen als besparing die nog niet is gerealiseerd.",
    "Beginnen: Bestand > Nieuw met mijn eigen cijfers (Ctrl+N) vraagt negen cijfers die u al bijhoudt, daarna welke initiatieven u overweegt; elk ander cijfer begint met een onderbouwde standaardwaarde die u bij het aanwijzen ziet en kunt aanpassen. Dupliceer een scenario om \"wat als\" te vragen: de kopie krijgt de naam van wat u erin verandert (\"… – oplospercentage 40 %\"); markeer één scenario als \"basis\" in de lijst en de vergelijking meet de andere daaraan, welk u ook selecteert.",
];

const EN: &[(&str, &str)] = &[
    (
        "Adoption",
        "Each initiative has a start month, implementation months (costs run, benefits do not yet) and ramp-up months to full effect, linear or S-shaped. Its effects are multiplied by its adoption, from 0 to 1. Training with \"no benefit in the course month\" goes live at least one month after its start. Effects on churn follow the same curve, the retention delay later.",
    ),
    (
        "Growth and indexation",
        "Contacts grow by the yearly contact growth and the agent cost per hour and recurring costs rise by the yearly cost indexation, both compounded month by month: factor (1 + rate)^((m − 1)/12). One-off costs and custom lines are as entered.",
    ),
    (
        "Staffing by service level",
        "Traffic = agent contacts × handle time over the opening hours. Agents on the line = the fewest that answer the target share within the target seconds by Erlang C; paid FTE required = that × opening hours / (paid hours × (1 − shrinkage)). Paid FTE start at the headcount entered and move only by leavers (attrition), hires (when the workload needs more) and the policy: keep headcount, shrink through attrition, or shrink with redundancies (after notice, at the severance per FTE). Payroll = paid FTE × paid hours × cost per paid hour. Agent savings = payroll and hiring without the initiatives minus with them, shared by each initiative's share of the freed minutes; training's lower attrition is its own line.",
    ),
    (
        "Agent cost (simplified staffing)",
        "A paid agent minute costs agent cost per hour / (60 × occupancy). Saved agent time becomes saved cost only for the realisation share: saved value = minutes saved × paid minute × realisation.",
    ),
    (
        "Contact volume",
        "Questions not solved at the first contact come back once, so contacts = questions × (2 − FCR). Step by step, each on what the step before left: omnichannel and training raise FCR; omnichannel removes duplicate contacts; the chatbot counts its resolution rate of what is left as resolved (billed by the vendor), and its failed share reach an agent after all; the bot takes the routine, shorter contacts, so agents keep the longer ones; omnichannel and then training shorten the handle time of what agents still handle.",
    ),
    (
        "Agent time saved",
        "Chatbot: contacts the bot truly resolves × handle time per bot resolution. Omnichannel: contacts avoided by better FCR and fewer duplicates × handle time, plus agent contacts × minutes saved per contact. Training: the same for its FCR and handle-time effects. Each × saved value per minute.",
    ),
    (
        "Retained customers",
        "Each initiative lowers churn by its share, one after the other, from the retention delay after go-live. Customers kept this month = customers kept last month × (1 − churn) + active customers × the churn reduction; margin of retained customers = customers kept × margin per customer per month. This is revenue, not a saving.",
    ),
    (
        "Avoided replacements",
        "Training: agents × yearly attrition / 12 × attrition reduction × adoption × cost to replace an agent.",
    ),
    (
        "Costs",
        "One-off costs (set-up, course fees, trainer days, hours off the phone) and hidden costs (a percentage of them) fall in the start month; licences run from the start month; maintenance and refreshers from go-live; bot fees per counted resolution; the go-live dip costs agent cost per month × loss % × dip weeks × 12/52 in the go-live month. Custom lines fall as entered.",
    ),
    (
        "KPIs",
        "Cost per contact = (agent cost − agent time saved + running costs of the initiatives) / contacts. Agent hours = agent contacts × handle time / 60 / occupancy; agents needed = agent hours / hours per FTE. The agents today's workload needs are checked against the headcount entered; more than 15% apart gives a warning.",
    ),
    (
        "Risk adjustment",
        "Savings × (1 − risk on savings), revenue-type benefits (retained margin, revenue lines) × (1 − risk on revenue), costs × (1 + cost risk), before every figure below. The cards show the unadjusted figure beside.",
    ),
    (
        "ROI and net benefit",
        "Net benefit = benefits − costs; ROI = (benefits − costs) / costs × 100%, over the horizon and to date each month. What each initiative adds = the whole minus the whole without it; the interaction is what is left, so the column sums to the whole.",
    ),
    (
        "Break-even and payback",
        "Break-even is the first month whose cumulative net is ≥ 0, counted from the first month with any cost or benefit (s); none if nothing happens. Payback counts from the start of month s and interpolates inside the break-even month m: (m − s) + (−cumulative(m − 1)) / net(m). If the cumulative net falls below zero again later, break-even stays the first crossing and a warning names the month.",
    ),
    (
        "NPV and IRR",
        "The yearly discount rate r gives a monthly rate (1 + r)^(1/12) − 1; NPV = the sum over the months of net(m) / (1 + monthly)^m, flows at the end of each month. IRR is the monthly rate that makes NPV zero, shown per year as (1 + irr)^12 − 1; there is none when the monthly flows never change sign; it is unique when they change sign once, or the cumulative net does (Norström); otherwise the NPV is scanned for zeros, and with several of them none is given and a warning names them. MIRR is a spreadsheet's MIRR of the monthly nets at the discount rate. ROI on present values is the ROI of the discounted benefits and costs. Above 1000% a year the card shows \"> 1000%\": payback is the clearer figure then.",
    ),
    (
        "Tracking and the variance split",
        "Observed contacts flex the month's volume (observed ÷ planned contacts); the plan at that volume is the flexed plan. The other observations are put in against it, valued with the plan's formulas; the agents paid or the payroll observed set the headcount path. Gap = actual − plan = volume (flexed − plan) + performance (actual − flexed); performance per initiative is its lines, per driver each driver put in on top of the ones before (bot resolutions, handle time, first-contact resolution, churn, spend, headcount), so the parts add up exactly. An initiative not yet live has no performance effect.",
    ),
];

const NL: &[(&str, &str)] = &[
    (
        "Adoptie",
        "Elk initiatief heeft een startmaand, implementatiemaanden (kosten lopen, baten nog niet) en opbouwmaanden tot volledig effect, lineair of als S-kromme. De effecten worden vermenigvuldigd met de adoptie, van 0 tot 1. Training met \"geen baat in de cursusmaand\" gaat minstens een maand na de start live. Effecten op klantverloop volgen dezelfde curve, de vertraging klantbehoud later.",
    ),
    (
        "Groei en indexatie",
        "Contacten groeien met de jaarlijkse groei en de agentkosten per uur en terugkerende kosten stijgen met de jaarlijkse indexatie, beide maand op maand samengesteld: factor (1 + percentage)^((m − 1)/12). Eenmalige kosten en eigen posten zoals ingevoerd.",
    ),
    (
        "Bezetting naar servicelevel",
        "Verkeer = agentcontacten × afhandeltijd over de openingsuren. Agents aan de lijn = het kleinste aantal dat het doeldeel binnen de doelseconden beantwoordt volgens Erlang C; benodigde betaalde fte = dat × openingsuren / (betaalde uren × (1 − shrinkage)). Betaalde fte beginnen bij het ingevoerde aantal en veranderen alleen door vertrek (verloop), werving (als de werklast meer vraagt) en het beleid: aantal houden, krimpen via verloop, of krimpen met gedwongen vertrek (na opzegtermijn, tegen de ontslagvergoeding per fte). Loonkosten = betaalde fte × betaalde uren × kosten per betaald uur. Besparing op agents = loonkosten en werving zonder de initiatieven min met, verdeeld naar het deel van de vrijgekomen minuten per initiatief; het lagere verloop door training is een eigen post.",
    ),
    (
        "Agentkosten (vereenvoudigde bezetting)",
        "Een betaalde agentminuut kost agentkosten per uur / (60 × bezettingsgraad). Bespaarde agenttijd wordt alleen voor het verzilverde deel bespaard geld: bespaarde waarde = bespaarde minuten × betaalde minuut × verzilvering.",
    ),
    (
        "Contactvolume",
        "Vragen die niet bij het eerste contact zijn opgelost komen één keer terug, dus contacten = vragen × (2 − FCR). Stap voor stap, elk op wat de vorige stap overliet: omnichannel en training verhogen de FCR; omnichannel haalt dubbele contacten weg; de chatbot telt zijn oplospercentage van wat overblijft als opgelost (door de leverancier gefactureerd), en het mislukte deel komt toch bij een agent; de bot neemt de routinematige, kortere contacten, dus agents houden de langere; omnichannel en daarna training verkorten de afhandeltijd van wat agents nog behandelen.",
    ),
    (
        "Bespaarde agenttijd",
        "Chatbot: contacten die de bot echt oplost × afhandeltijd per botoplossing. Omnichannel: contacten vermeden door betere FCR en minder dubbele contacten × afhandeltijd, plus agentcontacten × bespaarde minuten per contact. Training: hetzelfde voor zijn FCR- en afhandeltijdeffect. Elk × bespaarde waarde per minuut.",
    ),
    (
        "Behouden klanten",
        "Elk initiatief verlaagt het klantverloop met zijn deel, na elkaar, vanaf de vertraging klantbehoud na livegang. Behouden klanten deze maand = behouden klanten vorige maand × (1 − verloop) + actieve klanten × de verlaging; marge van behouden klanten = behouden klanten × marge per klant per maand. Dit is omzet, geen besparing.",
    ),
    (
        "Vermeden vervanging",
        "Training: agents × jaarlijks verloop / 12 × verlaging van het verloop × adoptie × kosten om een agent te vervangen.",
    ),
    (
        "Kosten",
        "Eenmalige kosten (inrichting, cursusprijs, trainersdagen, uren uit de lijn) en verborgen kosten (een percentage daarvan) vallen in de startmaand; licenties lopen vanaf de startmaand; onderhoud en opfrissen vanaf livegang; botkosten per getelde oplossing; de dip bij livegang kost agentkosten per maand × verlies % × dipweken × 12/52 in de maand van livegang. Eigen posten vallen zoals ingevoerd.",
    ),
    (
        "KPI's",
        "Kosten per contact = (agentkosten − bespaarde agenttijd + lopende kosten van de initiatieven) / contacten. Agenturen = agentcontacten × afhandeltijd / 60 / bezetting; benodigde agents = agenturen / uren per fte. Het aantal agents dat de werklast van vandaag vraagt wordt getoetst aan het ingevoerde aantal; meer dan 15% verschil geeft een waarschuwing.",
    ),
    (
        "Risicocorrectie",
        "Besparingen × (1 − risico op besparingen), omzetbaten (behouden marge, omzetposten) × (1 − risico op omzet), kosten × (1 + kostenrisico), vóór elk cijfer hieronder. De kaarten tonen het ongecorrigeerde cijfer ernaast.",
    ),
    (
        "ROI en netto opbrengst",
        "Netto opbrengst = baten − kosten; ROI = (baten − kosten) / kosten × 100%, over de horizon en per maand tot dan toe. Wat elk initiatief toevoegt = het geheel min het geheel zonder dat initiatief; de wisselwerking is wat overblijft, zodat de kolom optelt tot het geheel.",
    ),
    (
        "Break-even en terugverdientijd",
        "Break-even is de eerste maand waarin het cumulatieve netto resultaat ≥ 0 is, geteld vanaf de eerste maand met kosten of baten (s); geen als er niets gebeurt. De terugverdientijd telt vanaf het begin van maand s en interpoleert binnen de break-evenmaand m: (m − s) + (−cumulatief(m − 1)) / netto(m). Zakt het cumulatieve resultaat later weer onder nul, dan blijft break-even de eerste keer en noemt een waarschuwing de maand.",
    ),
    (
        "NCW en IRR",
        "De jaarlijkse disconteringsvoet r geeft een maandrente (1 + r)^(1/12) − 1; NCW = de som over de maanden van netto(m) / (1 + maandrente)^m, kasstromen aan het eind van elke maand. De IRR is de maandrente waarbij de NCW nul is, per jaar getoond als (1 + irr)^12 − 1; die is er niet als de kasstromen per maand nooit van teken wisselen; ze is eenduidig als ze één keer van teken wisselen, of het cumulatieve netto (Norström); anders wordt de NCW op nulpunten gescand, en bij meerdere wordt er geen gegeven en noemt een waarschuwing ze. De MIRR is de MIRR van een spreadsheet over de maandbedragen tegen de disconteringsvoet. De ROI op contante waarden is de ROI van de contante baten en kosten. Boven 1000% per jaar toont de kaart \"> 1000%\": de terugverdientijd is dan het duidelijkere cijfer.",
    ),
    (
        "Voortgang en de splitsing van het verschil",
        "Waargenomen contacten passen het volume van de maand aan (waargenomen ÷ geplande contacten); het plan bij dat volume is het aangepaste plan. De andere waarnemingen komen daartegenover, gewaardeerd met de formules van het plan; de waargenomen betaalde agents of loonkosten zetten het bezettingspad. Verschil = werkelijk − plan = volume (aangepast − plan) + prestatie (werkelijk − aangepast); prestatie per initiatief is zijn posten, per oorzaak elke oorzaak bovenop de vorige (botoplossingen, afhandeltijd, oplossing bij eerste contact, klantverloop, uitgaven, bezetting), zodat de delen precies optellen. Een initiatief dat nog niet live is, heeft geen prestatie-effect.",
    ),
];

/// Draws the explanation in `lang`: the summary, then the formulas.
pub fn help_ui(ui: &mut egui::Ui, lang: Lang) {
    let (summary, sections, summary_title, formulas_title) = match lang {
        Lang::En => (
            SUMMARY_EN,
            EN,
            "In short, for managers",
            "The formulas, for finance reviewers",
        ),
        Lang::Nl => (
            SUMMARY_NL,
            NL,
            "In het kort, voor managers",
            "De formules, voor financieel beoordelaars",
        ),
    };
    ui.heading(summary_title);
    for paragraph in summary {
        ui.add(egui::Label::new(*paragraph).wrap());
        ui.add_space(4.0);
    }
    ui.add_space(8.0);
    ui.heading(formulas_title);
    for (title, text) in sections {
        ui.label(egui::RichText::new(*title).strong());
        ui.add(egui::Label::new(*text).wrap());
        ui.add_space(6.0);
    }
}
