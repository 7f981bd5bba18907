//! The month-by-month ledger: every cost and benefit line of every switched-on initiative, and
//! the operational figures (KPIs) behind them.
//!
//! Written once, generic over [`Num`]: `Exact` (checked `Decimal`) for the ledger people
//! read, `f64` for sampling. The formulas are documented in [`crate::sim`]. A month is worked
//! out in named steps: the initiatives' adoption, then [`contacts`], [`agent_time`] and
//! [`churn`] (the flows that depend only on the adoptions, worked out again only when an
//! adoption moved), then [`benefits`] and [`costs`] in money, and the KPIs.

use thiserror::Error;

use crate::model::{Initiative, RampShape, Scenario, Timing};
use crate::sim::kpi::Kpis;
use crate::sim::lines::{LineId, RiskClass};
use crate::sim::number::{FromInput, Num};

/// Which initiatives a run counts (on top of their own on/off switches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mask(pub [bool; 4]);

impl Mask {
    /// Counts every initiative the scenario has switched on.
    pub const ALL: Mask = Mask([true; 4]);

    /// Counts only `initiative`.
    pub fn only(initiative: Initiative) -> Mask {
        let mut on = [false; 4];
        on[index(initiative)] = true;
        Mask(on)
    }

    /// Counts all but `initiative`.
    pub fn without(initiative: Initiative) -> Mask {
        let mut on = [true; 4];
        on[index(initiative)] = false;
        Mask(on)
    }

    fn has(self, initiative: Initiative) -> bool {
        self.0[index(initiative)]
    }
}

fn index(initiative: Initiative) -> usize {
    match initiative {
        Initiative::Chatbot => 0,
        Initiative::Omnichannel => 1,
        Initiative::Training => 2,
        Initiative::Custom => 3,
    }
}

/// A line of the ledger: one the model computes, or one of the user's custom lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineRef {
    /// A computed line.
    Model(LineId),
    /// The custom line at this index in `custom.lines`.
    Custom(usize),
}

/// What the ledger knows of a line besides its amounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineInfo {
    /// Which line.
    pub id: LineRef,
    /// Its initiative.
    pub initiative: Initiative,
    /// Cost, saving or revenue: how it is risk-adjusted.
    pub risk: RiskClass,
}

/// The unadjusted ledger of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger<N> {
    /// Months in the run.
    pub horizon_months: u32,
    /// The lines, in ledger order; empty when the run kept totals only.
    pub lines: Vec<LineInfo>,
    /// Line amounts, line by line, each `horizon_months` long.
    pub amounts: Vec<N>,
    /// Total costs per month (index 0 is month 1).
    pub costs: Vec<N>,
    /// Total benefits per month, savings and revenue together.
    pub benefits: Vec<N>,
    /// The revenue-type part of the benefits per month (risk-adjusted with the revenue risk).
    pub revenue: Vec<N>,
    /// The operational figures of each month; empty when the run kept totals only.
    pub kpis: Vec<Kpis<N>>,
    /// The same figures without any initiative; empty when the run kept totals only.
    pub baseline_kpis: Vec<Kpis<N>>,
}

impl<N: Copy> Ledger<N> {
    /// The amounts of line number `line` for months 1..=horizon.
    pub fn line_amounts(&self, line: usize) -> &[N] {
        let h = self.horizon_months as usize;
        self.amounts.get(line * h..(line + 1) * h).unwrap_or(&[])
    }
}

/// A figure could not be computed exactly.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error(
    "{line} in month {month} is too large to compute exactly (above 79 228 162 514 264 337 593 543 950 335); lower the amounts or counts it is built from"
)]
pub struct Overflow {
    /// The line's name.
    pub line: String,
    /// The month.
    pub month: u32,
}

/// What was observed in one month, at the month's own volume (counts include contact
/// growth), to put in place of the plan's flows: the realised month is then valued with the
/// same formulas as the plan. Shares are ratios (0.7 for 70%). What is left out stays as
/// planned.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Observation<N> {
    /// Contacts customers made (after first-contact resolution and duplicates).
    pub contacts: Option<N>,
    /// Contacts the bot resolved.
    pub bot_resolved: Option<N>,
    /// Contacts agents handled.
    pub agent_contacts: Option<N>,
    /// Average handle time of agent contacts, in minutes.
    pub handle_time: Option<N>,
    /// First-contact resolution, as a share.
    pub fcr: Option<N>,
    /// Monthly churn, as a share.
    pub churn: Option<N>,
    /// What was spent per initiative (chatbot, omnichannel, training, custom), in place of
    /// the month's planned costs of that initiative.
    pub spent: [Option<N>; 4],
}

/// Observations of the months that passed (index 0 is month 1; none: as planned), and
/// whether the months after the last one are re-based on it: each of its observed figures
/// taken as the same ratio to the plan in every later month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Observed<N> {
    /// One entry per month.
    pub months: Vec<Option<Observation<N>>>,
    /// Re-base the months after the last observation.
    pub rebase: bool,
}

/// Ratios of the last observation to the plan, for re-basing.
#[derive(Clone, Copy)]
struct Ratios<N> {
    contacts: Option<N>,
    bot_resolved: Option<N>,
    agent_contacts: Option<N>,
    handle_time: Option<N>,
    fcr: Option<N>,
    churn: Option<N>,
}

/// `observed / planned`, when both are there and the plan is not zero.
fn ratio<N: Num>(observed: Option<N>, planned: N) -> Option<N> {
    match observed {
        Some(o) if !planned.is_zero() => Some(o / planned),
        _ => None,
    }
}

/// Puts an observation (at today's volume) in place of the plan's flows of a month, and works
/// out what the initiatives then saved the same way the plan does. Each change is taken as a
/// difference from the plan, so an observation equal to the plan changes nothing at all:
/// - contacts: observed, else from an observed first-contact resolution (the plan's offered
///   contacts × (2 − fcr observed) / (2 − fcr planned)), else planned; agent contacts:
///   observed, else contacts minus what the bot resolved;
/// - agent minutes freed: the plan's, plus (planned agent contacts × planned handle time −
///   observed agent contacts × observed handle time); the bot's share is what it resolved
///   beyond plan × its minutes per resolution, the rest goes to omnichannel and training in
///   the plan's proportion (to the one switched on when the plan has neither);
/// - churn: the observed one; the initiatives' reductions change in the plan's proportion.
fn observe<N: Num>(
    k: &Constants<N>,
    f: Flows<N>,
    o: &Observation<N>,
    volume: N,
    on: [bool; 3],
) -> Flows<N> {
    let today = |n: N| if volume == N::ONE { n } else { n / volume };
    let (c, t) = (f.contacts, f.time);
    let resolved = o.bot_resolved.map(today).unwrap_or(c.bot_resolved);
    let offered = match (o.contacts, o.fcr) {
        (Some(n), _) => today(n),
        (None, Some(fcr)) if fcr != c.fcr2 => c.offered * (N::int(2) - fcr) / (N::int(2) - c.fcr2),
        _ => c.offered,
    };
    let agent = match o.agent_contacts {
        Some(n) => today(n),
        None if offered == c.offered && resolved == c.bot_resolved => c.agent_contacts,
        None => offered - resolved,
    };
    let agent = if agent < N::ZERO { N::ZERO } else { agent };
    let handle_time = o.handle_time.unwrap_or(t.handle_time);
    let freed = c.agent_contacts * t.handle_time - agent * handle_time;
    let bot_extra = (resolved - c.bot_resolved) * k.bot_minutes;
    let rest = freed - bot_extra;
    let plan_rest = t.minutes_omni + t.minutes_train;
    let [bot_on, omni_on, train_on] = on;
    let (mut d_bot, mut d_omni, mut d_train) = (bot_extra, N::ZERO, N::ZERO);
    // Nothing to share out leaves the plan's minutes exactly as they are.
    if !rest.is_zero() {
        if !plan_rest.is_zero() {
            d_omni = rest * t.minutes_omni / plan_rest;
            d_train = rest - d_omni;
        } else if omni_on {
            d_omni = rest;
        } else if train_on {
            d_train = rest;
        } else if bot_on {
            d_bot = d_bot + rest;
        }
    }
    let bot_closed = if resolved == c.bot_resolved {
        c.bot_closed
    } else if k.bot_failure < N::ONE {
        resolved / (N::ONE - k.bot_failure)
    } else {
        c.bot_closed
    };
    let mut churn = f.churn;
    if let Some(observed) = o.churn {
        let planned = k.churn0 - churn.churn;
        let extra = churn.churn - observed;
        if !extra.is_zero() {
            if !planned.is_zero() {
                let [b, om, tr] = churn.reductions;
                let d_b = extra * b / planned;
                let d_o = extra * om / planned;
                churn.reductions = [b + d_b, om + d_o, tr + (extra - d_b - d_o)];
            } else if let Some(i) = on.iter().position(|&x| x) {
                churn.reductions[i] = churn.reductions[i] + extra;
            }
        }
        churn.churn = observed;
    }
    Flows {
        contacts: Contacts {
            fcr1: c.fcr1,
            fcr2: o.fcr.unwrap_or(c.fcr2),
            duplicates: c.duplicates,
            offered,
            bot_closed,
            bot_resolved: resolved,
            agent_contacts: agent,
        },
        time: AgentTime {
            minutes_bot: t.minutes_bot + d_bot,
            minutes_omni: t.minutes_omni + d_omni,
            minutes_train: t.minutes_train + d_train,
            handle_time,
        },
        churn,
    }
}

/// An observation that takes each figure of the last observation as the same ratio to the
/// plan in this month.
fn rebased<N: Num>(f: &Flows<N>, r: &Ratios<N>, volume: N) -> Observation<N> {
    let at_volume = |n: N| if volume == N::ONE { n } else { n * volume };
    Observation {
        contacts: r.contacts.map(|x| at_volume(f.contacts.offered * x)),
        bot_resolved: r
            .bot_resolved
            .map(|x| at_volume(f.contacts.bot_resolved * x)),
        agent_contacts: r
            .agent_contacts
            .map(|x| at_volume(f.contacts.agent_contacts * x)),
        handle_time: r.handle_time.map(|x| f.time.handle_time * x),
        fcr: r.fcr.map(|x| (f.contacts.fcr2 * x).min(N::ONE)),
        churn: r.churn.map(|x| f.churn.churn * x),
        spent: [None; 4],
    }
}

/// Puts what was spent on an initiative in place of its planned costs of the month: each of
/// its cost lines scaled so they add up to the amount (all of it on the first line when
/// nothing was planned).
fn spend<N: Num>(lines: &mut [&mut N], spent: Option<N>) {
    let Some(total) = spent else { return };
    let planned = lines.iter().fold(N::ZERO, |acc, l| acc + **l);
    if planned == total {
        return;
    }
    if planned.is_zero() {
        for (i, l) in lines.iter_mut().enumerate() {
            **l = if i == 0 { total } else { N::ZERO };
        }
    } else {
        for l in lines.iter_mut() {
            **l = **l * total / planned;
        }
    }
}

/// The share of the full effect an initiative has in month `m`, going live in `go_live`.
fn adoption<N: Num>(m: u32, go_live: u32, ramp: u32, shape: RampShape) -> N {
    if m < go_live {
        return N::ZERO;
    }
    let k = m - go_live + 1;
    if ramp == 0 || k >= ramp {
        return N::ONE;
    }
    let x = N::int(k) / N::int(ramp);
    match shape {
        RampShape::Linear => x,
        RampShape::SCurve => x * x * (N::int(3) - N::int(2) * x),
    }
}

/// Weeks in a month, as 52 / 12.
fn months_per_week<N: Num>() -> N {
    N::int(12) / N::int(52)
}

/// `x × factor`, skipping the multiplication when the factor is one (no growth, no
/// indexation), so such runs compute exactly what they did before those inputs existed.
fn scaled<N: Num>(x: N, factor: N) -> N {
    if factor == N::ONE { x } else { x * factor }
}

/// One initiative's timing, as the run needs it.
#[derive(Clone, Copy)]
struct Timeline {
    on: bool,
    start: u32,
    go_live: u32,
    ramp: u32,
    shape: RampShape,
}

impl Timeline {
    fn adoption<N: Num>(self, m: u32) -> N {
        if self.on {
            adoption(m, self.go_live, self.ramp, self.shape)
        } else {
            N::ZERO
        }
    }

    /// The adoption that drives churn: the same curve, `delay` months later.
    fn retention<N: Num>(self, m: u32, delay: u32) -> N {
        match m.checked_sub(delay) {
            Some(shifted) if shifted >= 1 => self.adoption(shifted),
            _ => N::ZERO,
        }
    }
}

/// Figures of a run that do not change from month to month, at today's volume and prices.
struct Constants<N> {
    issues: N,
    contacts0: N,
    fcr0: N,
    aht0: N,
    churn0: N,
    /// Paid agent hours per handled minute: 1 / (60 × occupancy).
    hours_per_paid_minute: N,
    /// FTE per paid hour a month: 1 / hours per FTE.
    fte_per_hour: N,
    customers: N,
    margin: N,
    paid_minute: N,
    saved_minute: N,
    agent_cost_month: N,
    price_per_resolution: N,
    replacements_month: N,
    omni_fcr_up: N,
    train_fcr_up: N,
    omni_duplicates: N,
    containment: N,
    bot_minutes: N,
    bot_failure: N,
    omni_aht_down: N,
    train_aht_down: N,
    bot_churn_down: N,
    omni_churn_down: N,
    train_churn_down: N,
}

/// The adoptions of one month: of the effects on contacts and handle time, and (later, by the
/// retention delay) of the effects on churn.
#[derive(Clone, Copy)]
struct Adoptions<N> {
    bot: N,
    omni: N,
    train: N,
    bot_retention: N,
    omni_retention: N,
    train_retention: N,
}

/// Step 1, contacts: the volume chain at today's volume.
#[derive(Clone, Copy)]
struct Contacts<N> {
    fcr1: N,
    fcr2: N,
    duplicates: N,
    /// Contacts customers make after the better first-contact resolution and fewer duplicates.
    offered: N,
    /// Conversations the bot counts as resolved (and the vendor bills).
    bot_closed: N,
    /// Of those, the ones that truly needed no agent.
    bot_resolved: N,
    agent_contacts: N,
}

fn contacts<N: Num>(k: &Constants<N>, a: &Adoptions<N>) -> Contacts<N> {
    // Better first-contact resolution (omnichannel, then training), fewer duplicates
    // (omnichannel), then the bot takes its share of what is left.
    let fcr1 = (k.fcr0 * (N::ONE + a.omni * k.omni_fcr_up)).min(N::ONE);
    let fcr2 = (fcr1 * (N::ONE + a.train * k.train_fcr_up)).min(N::ONE);
    let after_fcr = k.issues * (N::int(2) - fcr2);
    let duplicates = after_fcr * a.omni * k.omni_duplicates;
    let offered = after_fcr - duplicates;
    let bot_closed = offered * a.bot * k.containment;
    let bot_failed = if k.bot_failure.is_zero() {
        N::ZERO
    } else {
        bot_closed * k.bot_failure
    };
    let bot_resolved = bot_closed - bot_failed;
    Contacts {
        fcr1,
        fcr2,
        duplicates,
        offered,
        bot_closed,
        bot_resolved,
        agent_contacts: offered - bot_resolved,
    }
}

/// Step 2, agent time: minutes each initiative saves, and the handle time agents are left with.
#[derive(Clone, Copy)]
struct AgentTime<N> {
    minutes_bot: N,
    minutes_omni: N,
    minutes_train: N,
    /// Average minutes of a contact agents still handle.
    handle_time: N,
}

fn agent_time<N: Num>(k: &Constants<N>, c: &Contacts<N>, a: &Adoptions<N>) -> AgentTime<N> {
    // The bot takes routine, shorter contacts, which leaves agents the longer ones: their
    // average handle time rises by what the bot's contacts are below the average.
    let shift = k.aht0 - k.bot_minutes;
    let aht_mix = if shift.is_zero() || c.agent_contacts.is_zero() {
        k.aht0
    } else {
        let mix = k.aht0 + c.bot_resolved * shift / c.agent_contacts;
        if mix < N::ZERO { N::ZERO } else { mix }
    };
    // Handle time of what agents still handle: omnichannel first, then training.
    let aht_omni = aht_mix * a.omni * k.omni_aht_down;
    let aht_train = (aht_mix - aht_omni) * a.train * k.train_aht_down;
    AgentTime {
        minutes_bot: c.bot_resolved * k.bot_minutes,
        minutes_omni: (k.issues * (c.fcr1 - k.fcr0) + c.duplicates) * k.aht0
            + c.agent_contacts * aht_omni,
        minutes_train: k.issues * (c.fcr2 - c.fcr1) * k.aht0 + c.agent_contacts * aht_train,
        handle_time: aht_mix - aht_omni - aht_train,
    }
}

/// Step 3, churn: each initiative's reduction, one after the other.
#[derive(Clone, Copy)]
struct Churn<N> {
    reductions: [N; 3],
    /// Monthly churn after every reduction.
    churn: N,
}

fn churn<N: Num>(k: &Constants<N>, a: &Adoptions<N>) -> Churn<N> {
    let churn_bot = k.churn0 * a.bot_retention * k.bot_churn_down;
    let churn1 = k.churn0 - churn_bot;
    let churn_omni = churn1 * a.omni_retention * k.omni_churn_down;
    let churn2 = churn1 - churn_omni;
    let churn_train = churn2 * a.train_retention * k.train_churn_down;
    Churn {
        reductions: [churn_bot, churn_omni, churn_train],
        churn: churn2 - churn_train,
    }
}

/// What a month's adoptions give at today's volume and prices.
#[derive(Clone, Copy)]
struct Flows<N> {
    contacts: Contacts<N>,
    time: AgentTime<N>,
    churn: Churn<N>,
}

/// Volume and price factors of one month: contact growth and cost indexation since month 1.
#[derive(Clone, Copy)]
struct Factors<N> {
    volume: N,
    prices: N,
}

/// Step 4, benefits in money.
struct Benefits<N> {
    time_bot: N,
    time_omni: N,
    time_train: N,
    replacements: N,
    retention: [N; 3],
}

fn benefits<N: Num>(
    k: &Constants<N>,
    f: &Flows<N>,
    x: Factors<N>,
    a_train: N,
    retained: &[N; 3],
) -> Benefits<N> {
    let money = |minutes: N| scaled(scaled(minutes * k.saved_minute, x.volume), x.prices);
    Benefits {
        time_bot: money(f.time.minutes_bot),
        time_omni: money(f.time.minutes_omni),
        time_train: money(f.time.minutes_train),
        replacements: a_train * k.replacements_month,
        retention: retained.map(|kept| kept * k.margin),
    }
}

/// One-off and recurring amounts of an initiative that do not follow the volume.
struct Prices<N> {
    bot_setup: N,
    bot_hidden: N,
    bot_licence: N,
    bot_maintenance: N,
    bot_dip: N,
    omni_setup: N,
    omni_hidden: N,
    omni_licence: N,
    omni_dip: N,
    course: N,
    trainers: N,
    hours_off: N,
    train_hidden_pct: N,
    refresher: N,
}

/// Step 5, costs in money.
struct Costs<N> {
    bot_setup: N,
    bot_hidden: N,
    bot_licence: N,
    bot_maintenance: N,
    bot_fees: N,
    bot_dip: N,
    omni_setup: N,
    omni_hidden: N,
    omni_licence: N,
    omni_dip: N,
    course: N,
    trainers: N,
    hours_off: N,
    train_hidden: N,
    refresher: N,
}

fn costs<N: Num>(
    k: &Constants<N>,
    p: &Prices<N>,
    t: &[Timeline; 3],
    m: u32,
    f: &Flows<N>,
    x: Factors<N>,
) -> Costs<N> {
    let [bot, omni, train] = t;
    let when = |cond: bool, amount: N| if cond { amount } else { N::ZERO };
    let indexed = |amount: N| scaled(amount, x.prices);
    // The go-live dip costs a share of the agent cost of the month it falls in.
    let dip = |amount: N| scaled(scaled(amount, x.volume), x.prices);
    // Hours off the phone are paid at the agent cost of the month of the course.
    let hours_off = when(m == train.start, indexed(p.hours_off));
    let train_hidden = if m == train.start {
        (p.course + p.trainers + hours_off) * p.train_hidden_pct
    } else {
        N::ZERO
    };
    Costs {
        bot_setup: when(m == bot.start, p.bot_setup),
        bot_hidden: when(m == bot.start, p.bot_hidden),
        bot_licence: when(m >= bot.start, indexed(p.bot_licence)),
        bot_maintenance: when(m >= bot.go_live, indexed(p.bot_maintenance)),
        bot_fees: scaled(
            scaled(f.contacts.bot_closed * k.price_per_resolution, x.volume),
            x.prices,
        ),
        bot_dip: when(m == bot.go_live, dip(p.bot_dip)),
        omni_setup: when(m == omni.start, p.omni_setup),
        omni_hidden: when(m == omni.start, p.omni_hidden),
        omni_licence: when(m >= omni.start, indexed(p.omni_licence)),
        omni_dip: when(m == omni.go_live, dip(p.omni_dip)),
        course: when(m == train.start, p.course),
        trainers: when(m == train.start, p.trainers),
        hours_off,
        train_hidden,
        refresher: when(m >= train.go_live, indexed(p.refresher)),
    }
}

/// The amounts of one month, by line.
struct MonthAmounts<N> {
    benefits: Benefits<N>,
    costs: Costs<N>,
}

impl<N: Num> MonthAmounts<N> {
    /// The amount of a computed line. Every line has its arm: a new line cannot be left out.
    fn amount(&self, id: LineId) -> N {
        let (b, c) = (&self.benefits, &self.costs);
        match id {
            LineId::ChatbotSetup => c.bot_setup,
            LineId::ChatbotHidden => c.bot_hidden,
            LineId::ChatbotLicence => c.bot_licence,
            LineId::ChatbotMaintenance => c.bot_maintenance,
            LineId::ChatbotResolutionFees => c.bot_fees,
            LineId::ChatbotDip => c.bot_dip,
            LineId::ChatbotAgentTime => b.time_bot,
            LineId::ChatbotRetention => b.retention[0],
            LineId::OmnichannelSetup => c.omni_setup,
            LineId::OmnichannelHidden => c.omni_hidden,
            LineId::OmnichannelLicence => c.omni_licence,
            LineId::OmnichannelDip => c.omni_dip,
            LineId::OmnichannelAgentTime => b.time_omni,
            LineId::OmnichannelRetention => b.retention[1],
            LineId::TrainingCourse => c.course,
            LineId::TrainingTrainers => c.trainers,
            LineId::TrainingHoursOff => c.hours_off,
            LineId::TrainingHidden => c.train_hidden,
            LineId::TrainingRefresher => c.refresher,
            LineId::TrainingAgentTime => b.time_train,
            LineId::TrainingReplacements => b.replacements,
            LineId::TrainingRetention => b.retention[2],
        }
    }

    /// The month's costs, benefits and revenue-type benefits of the initiatives switched on
    /// (chatbot, omnichannel, training), summed field by field: the same totals as booking
    /// every line of [`LineId::ALL`].
    fn totals(&self, on: [bool; 3]) -> (N, N, N) {
        let (b, c) = (&self.benefits, &self.costs);
        let (mut cost, mut benefit, mut revenue) = (N::ZERO, N::ZERO, N::ZERO);
        if on[0] {
            cost = cost
                + c.bot_setup
                + c.bot_hidden
                + c.bot_licence
                + c.bot_maintenance
                + c.bot_fees
                + c.bot_dip;
            benefit = benefit + b.time_bot + b.retention[0];
            revenue = revenue + b.retention[0];
        }
        if on[1] {
            cost = cost + c.omni_setup + c.omni_hidden + c.omni_licence + c.omni_dip;
            benefit = benefit + b.time_omni + b.retention[1];
            revenue = revenue + b.retention[1];
        }
        if on[2] {
            cost = cost + c.course + c.trainers + c.hours_off + c.train_hidden + c.refresher;
            benefit = benefit + b.time_train + b.replacements + b.retention[2];
            revenue = revenue + b.retention[2];
        }
        (cost, benefit, revenue)
    }

    /// The month's running costs: licences, maintenance, fees and refreshers (no one-off
    /// costs, no dip), for the cost per contact.
    fn running_costs(&self, on: impl Fn(Initiative) -> bool) -> N {
        let c = &self.costs;
        let mut sum = N::ZERO;
        if on(Initiative::Chatbot) {
            sum = sum + c.bot_licence + c.bot_maintenance + c.bot_fees;
        }
        if on(Initiative::Omnichannel) {
            sum = sum + c.omni_licence;
        }
        if on(Initiative::Training) {
            sum = sum + c.refresher;
        }
        sum
    }
}

/// The operational figures of a month. `saved` is the agent time saved in money (what the
/// agent cost falls by), `running` the month's running costs of the initiatives.
fn kpis<N: Num>(
    k: &Constants<N>,
    f: &Flows<N>,
    x: Factors<N>,
    retained: &[N; 3],
    saved: N,
    running: N,
) -> Kpis<N> {
    let volume = |n: N| scaled(n, x.volume);
    let contacts = volume(f.contacts.offered);
    let agent_contacts = volume(f.contacts.agent_contacts);
    let agent_hours = agent_contacts * f.time.handle_time * k.hours_per_paid_minute;
    let agent_cost = scaled(volume(k.agent_cost_month), x.prices) - saved;
    Kpis {
        contacts,
        bot_resolved_contacts: volume(f.contacts.bot_resolved),
        agent_contacts,
        fcr_pct: f.contacts.fcr2 * N::int(100),
        handle_time_minutes: f.time.handle_time,
        cost_per_contact: if contacts.is_zero() {
            N::ZERO
        } else {
            (agent_cost + running) / contacts
        },
        agent_hours,
        agent_fte: agent_hours * k.fte_per_hour,
        customers: k.customers + retained[0] + retained[1] + retained[2],
        churn_monthly_pct: f.churn.churn * N::int(100),
    }
}

/// The operational figures of a month without any initiative.
fn baseline_kpis<N: Num>(k: &Constants<N>, x: Factors<N>) -> Kpis<N> {
    let contacts = scaled(k.contacts0, x.volume);
    let agent_hours = contacts * k.aht0 * k.hours_per_paid_minute;
    Kpis {
        contacts,
        bot_resolved_contacts: N::ZERO,
        agent_contacts: contacts,
        fcr_pct: k.fcr0 * N::int(100),
        handle_time_minutes: k.aht0,
        cost_per_contact: scaled(k.aht0 * k.paid_minute, x.prices),
        agent_hours,
        agent_fte: agent_hours * k.fte_per_hour,
        customers: k.customers,
        churn_monthly_pct: k.churn0 * N::int(100),
    }
}

/// The monthly factor of a yearly rate in percent: (1 + rate)^(1/12); one for a zero rate.
fn monthly_factor<N: Num>(yearly_pct: N) -> N {
    if yearly_pct.is_zero() {
        N::ONE
    } else {
        (N::ONE + yearly_pct.pct()).twelfth_root()
    }
}

/// Computes the ledger of `s` over its horizon, counting the initiatives in `mask` that the
/// scenario has switched on. With `detail` false only the monthly totals are kept (no lines,
/// no KPIs).
pub fn run<S, N>(s: &Scenario<S>, mask: Mask, detail: bool) -> Result<Ledger<N>, Overflow>
where
    N: Num + FromInput<S>,
{
    run_observed(s, mask, detail, None)
}

/// [`run`] with what was observed in the months that passed put in place of the plan (see
/// [`Observation`]): the months observed are the realised ones, the later ones the plan
/// (re-based when asked), carrying on from what was realised (customers kept).
pub fn run_observed<S, N>(
    s: &Scenario<S>,
    mask: Mask,
    detail: bool,
    observed: Option<&Observed<N>>,
) -> Result<Ledger<N>, Overflow>
where
    N: Num + FromInput<S>,
{
    let v = |x: &S| N::from_input(x);
    let h = s.finance.horizon_months;
    let on = |i: Initiative| mask.has(i) && s.is_enabled(i);
    let custom_on = on(Initiative::Custom);

    // Baseline figures, fixed for the run.
    let b = &s.baseline;
    let sixty = N::int(60);
    let aht0 = v(&b.handle_time_minutes);
    let occupancy = v(&b.occupancy_pct).pct();
    let cost_per_hour = v(&b.agent_cost_per_hour);
    let fcr0 = v(&b.fcr_pct).pct();
    let agents = v(&b.agents_fte);
    let contacts0 = v(&b.contacts_per_month);
    let paid_minute = cost_per_hour / (sixty * occupancy);
    let agent_cost_month = contacts0 * aht0 * paid_minute;
    let dip_cost =
        |weeks: &S, pct: &S| agent_cost_month * v(pct).pct() * v(weeks) * months_per_week();

    let c = &s.chatbot;
    let o = &s.omnichannel;
    let t = &s.training;
    let timeline = |initiative: Initiative, ramp: u32, shape: RampShape| {
        let (start, go_live) = s.initiative_months(initiative).unwrap_or((1, 1));
        Timeline {
            on: on(initiative),
            start,
            go_live,
            ramp,
            shape,
        }
    };
    let timelines = [
        timeline(Initiative::Chatbot, c.ramp_months, c.ramp_shape),
        timeline(Initiative::Omnichannel, o.ramp_months, o.ramp_shape),
        timeline(Initiative::Training, t.ramp_months, t.ramp_shape),
    ];
    let course = v(&t.cost_per_agent) * agents;
    let trainers = v(&t.trainer_days) * v(&t.trainer_day_rate);
    let prices = Prices {
        bot_setup: v(&c.setup_cost),
        bot_hidden: v(&c.setup_cost) * v(&c.hidden_cost_pct).pct(),
        bot_licence: v(&c.licence_monthly),
        bot_maintenance: v(&c.maintenance_monthly),
        bot_dip: dip_cost(&c.dip_weeks, &c.dip_pct),
        omni_setup: v(&o.setup_cost),
        omni_hidden: v(&o.setup_cost) * v(&o.hidden_cost_pct).pct(),
        omni_licence: v(&o.licence_per_seat_monthly) * agents,
        omni_dip: dip_cost(&o.dip_weeks, &o.dip_pct),
        course,
        trainers,
        hours_off: v(&t.hours_off_phone_per_agent) * agents * cost_per_hour,
        train_hidden_pct: v(&t.hidden_cost_pct).pct(),
        refresher: v(&t.refresher_monthly),
    };
    let k = Constants {
        issues: contacts0 / (N::int(2) - fcr0),
        contacts0,
        fcr0,
        aht0,
        churn0: v(&b.churn_monthly_pct).pct(),
        hours_per_paid_minute: N::ONE / (sixty * occupancy),
        fte_per_hour: N::ONE / v(&b.hours_per_fte_monthly),
        customers: v(&b.active_customers),
        margin: v(&b.margin_per_customer_monthly),
        paid_minute,
        saved_minute: paid_minute * v(&s.finance.realisation_pct).pct(),
        agent_cost_month,
        price_per_resolution: v(&c.price_per_resolution),
        replacements_month: agents * v(&b.attrition_yearly_pct).pct() / N::int(12)
            * v(&t.attrition_reduction_pct).pct()
            * v(&b.replacement_cost_per_agent),
        omni_fcr_up: v(&o.fcr_improvement_pct).pct(),
        train_fcr_up: v(&t.fcr_improvement_pct).pct(),
        omni_duplicates: v(&o.duplicate_reduction_pct).pct(),
        containment: v(&c.containment_pct).pct(),
        bot_minutes: v(&c.handle_time_saved_minutes),
        bot_failure: v(&c.failure_pct).pct(),
        omni_aht_down: v(&o.aht_reduction_pct).pct(),
        train_aht_down: v(&t.aht_reduction_pct).pct(),
        bot_churn_down: v(&c.churn_reduction_pct).pct(),
        omni_churn_down: v(&o.churn_reduction_pct).pct(),
        train_churn_down: v(&t.churn_reduction_pct).pct(),
    };
    let volume_step = monthly_factor(v(&b.contact_growth_yearly_pct));
    let price_step = monthly_factor(v(&s.finance.cost_indexation_yearly_pct));
    let retention_delay = s.finance.retention_delay_months;

    let mut lines: Vec<LineInfo> = Vec::new();
    if detail {
        for id in LineId::ALL {
            if on(id.initiative()) {
                lines.push(LineInfo {
                    id: LineRef::Model(id),
                    initiative: id.initiative(),
                    risk: id.risk_class(),
                });
            }
        }
        if custom_on {
            for (i, line) in s.custom.lines.iter().enumerate() {
                lines.push(LineInfo {
                    id: LineRef::Custom(i),
                    initiative: Initiative::Custom,
                    risk: RiskClass::of_custom(line.kind, line.revenue),
                });
            }
        }
    }
    let months = h as usize;
    let mut amounts = vec![N::ZERO; lines.len() * months];
    let mut costs_out = Vec::with_capacity(months);
    let mut benefits_out = Vec::with_capacity(months);
    let mut revenue_out = Vec::with_capacity(months);
    let mut kpis_out = Vec::new();
    let mut baseline_out = Vec::new();

    // Customers kept per initiative so far; each keeps paying margin until it churns.
    let mut retained = [N::ZERO; 3];
    let mut last_volume: Option<([N; 3], Contacts<N>, AgentTime<N>)> = None;
    let mut last_churn: Option<([N; 3], Churn<N>)> = None;
    let mut x = Factors {
        volume: N::ONE,
        prices: N::ONE,
    };

    let on3 = [
        on(Initiative::Chatbot),
        on(Initiative::Omnichannel),
        on(Initiative::Training),
    ];
    let last_observed = observed.and_then(|o| {
        o.months
            .iter()
            .rposition(Option::is_some)
            .map(|i| i as u32 + 1)
    });
    let mut ratios: Option<Ratios<N>> = None;
    for m in 1..=h {
        if m > 1 {
            x.volume = scaled(x.volume, volume_step);
            x.prices = scaled(x.prices, price_step);
        }
        let [bot, omni, train] = timelines;
        let a = Adoptions {
            bot: bot.adoption(m),
            omni: omni.adoption(m),
            train: train.adoption(m),
            bot_retention: bot.retention(m, retention_delay),
            omni_retention: omni.retention(m, retention_delay),
            train_retention: train.retention(m, retention_delay),
        };
        // The flows depend only on the adoptions; once every ramp-up is over they repeat, so
        // they are worked out again only when an adoption moved: contacts and agent time on
        // the adoptions of the effects on contacts, churn on the (later) ones of retention.
        let main = [a.bot, a.omni, a.train];
        let (contacts, time) = match &last_volume {
            Some((prev, c, t)) if *prev == main => (*c, *t),
            _ => {
                let c = contacts(&k, &a);
                let t = agent_time(&k, &c, &a);
                last_volume = Some((main, c, t));
                (c, t)
            }
        };
        let later = [a.bot_retention, a.omni_retention, a.train_retention];
        let churn = match &last_churn {
            Some((prev, ch)) if *prev == later => *ch,
            _ => {
                let ch = churn(&k, &a);
                last_churn = Some((later, ch));
                ch
            }
        };
        let mut f = Flows {
            contacts,
            time,
            churn,
        };
        let mut observation =
            observed.and_then(|o| o.months.get(m as usize - 1).copied().flatten());
        if observation.is_none()
            && let Some(r) = &ratios
        {
            observation = Some(rebased(&f, r, x.volume));
        }
        if let Some(o) = &observation {
            let planned = f;
            f = observe(&k, f, o, x.volume, on3);
            if observed.is_some_and(|ob| ob.rebase && Some(m) == last_observed) {
                let today = |n: N| if x.volume == N::ONE { n } else { n / x.volume };
                ratios = Some(Ratios {
                    contacts: ratio(o.contacts.map(today), planned.contacts.offered),
                    bot_resolved: ratio(o.bot_resolved.map(today), planned.contacts.bot_resolved),
                    agent_contacts: ratio(
                        o.agent_contacts.map(today),
                        planned.contacts.agent_contacts,
                    ),
                    handle_time: ratio(o.handle_time, planned.time.handle_time),
                    fcr: ratio(o.fcr, planned.contacts.fcr2),
                    churn: ratio(o.churn, planned.churn.churn),
                });
            }
        }
        for (kept, drop) in retained.iter_mut().zip(f.churn.reductions) {
            *kept = *kept * (N::ONE - f.churn.churn) + k.customers * drop;
        }
        let mut month = MonthAmounts {
            benefits: benefits(&k, &f, x, a.train, &retained),
            costs: costs(&k, &prices, &timelines, m, &f, x),
        };
        let spent = observation.map(|o| o.spent).unwrap_or([None; 4]);
        {
            let c = &mut month.costs;
            spend(
                &mut [
                    &mut c.bot_setup,
                    &mut c.bot_hidden,
                    &mut c.bot_licence,
                    &mut c.bot_maintenance,
                    &mut c.bot_fees,
                    &mut c.bot_dip,
                ],
                spent[0],
            );
            spend(
                &mut [
                    &mut c.omni_setup,
                    &mut c.omni_hidden,
                    &mut c.omni_licence,
                    &mut c.omni_dip,
                ],
                spent[1],
            );
            spend(
                &mut [
                    &mut c.course,
                    &mut c.trainers,
                    &mut c.hours_off,
                    &mut c.train_hidden,
                    &mut c.refresher,
                ],
                spent[2],
            );
        }
        // Custom costs: the month's planned custom costs, scaled to what was spent.
        let custom_factor = match spent[3] {
            Some(total) if custom_on => {
                let planned = s
                    .custom
                    .lines
                    .iter()
                    .filter(|l| l.kind == crate::model::LineKind::Cost)
                    .fold(N::ZERO, |acc, l| {
                        acc + custom_amount(l.timing, v(&l.amount), m)
                    });
                if planned == total || planned.is_zero() {
                    None
                } else {
                    Some(total / planned)
                }
            }
            _ => None,
        };

        // Without detail the totals come straight from the month's fields (what sampling runs
        // need, many thousand times); with detail every line is booked into its place.
        let (mut cost, mut benefit, mut revenue) = if detail {
            (N::ZERO, N::ZERO, N::ZERO)
        } else {
            month.totals([
                on(Initiative::Chatbot),
                on(Initiative::Omnichannel),
                on(Initiative::Training),
            ])
        };
        let mut line = 0usize;
        let mut book = |amount: N, risk: RiskClass, line: &mut usize| {
            // Most lines are zero most months (one-off costs, initiatives not live yet).
            if !amount.is_zero() {
                match risk {
                    RiskClass::Cost => cost = cost + amount,
                    RiskClass::Saving => benefit = benefit + amount,
                    RiskClass::Revenue => {
                        benefit = benefit + amount;
                        revenue = revenue + amount;
                    }
                }
                if detail && let Some(slot) = amounts.get_mut(*line * months + (m as usize - 1)) {
                    *slot = amount;
                }
            }
            if detail {
                *line += 1;
            }
        };
        if detail {
            for id in LineId::ALL {
                if on(id.initiative()) {
                    book(month.amount(id), id.risk_class(), &mut line);
                }
            }
        }
        if custom_on {
            for l in &s.custom.lines {
                let amount = custom_amount(l.timing, v(&l.amount), m);
                let amount = match (custom_factor, l.kind) {
                    (Some(factor), crate::model::LineKind::Cost) => amount * factor,
                    _ => amount,
                };
                book(amount, RiskClass::of_custom(l.kind, l.revenue), &mut line);
            }
        }
        if !(cost.is_valid() && benefit.is_valid()) {
            return Err(overflow_at(&month, m, |id| on(id.initiative())));
        }
        if detail {
            let saved =
                month.benefits.time_bot + month.benefits.time_omni + month.benefits.time_train;
            let running = month.running_costs(on);
            kpis_out.push(kpis(&k, &f, x, &retained, saved, running));
            baseline_out.push(baseline_kpis(&k, x));
        }
        costs_out.push(cost);
        benefits_out.push(benefit);
        revenue_out.push(revenue);
    }
    Ok(Ledger {
        horizon_months: h,
        lines,
        amounts,
        costs: costs_out,
        benefits: benefits_out,
        revenue: revenue_out,
        kpis: kpis_out,
        baseline_kpis: baseline_out,
    })
}

/// The amount of a custom line in month `m`. A spread total is split so the months add up
/// to exactly the total: month k of n gets total·k/n − total·(k−1)/n.
fn custom_amount<N: Num>(timing: Timing, amount: N, m: u32) -> N {
    match timing {
        Timing::OneOff { month } if m == month => amount,
        Timing::Monthly { from, to } if (from..=to).contains(&m) => amount,
        Timing::Spread { from, to } if (from..=to).contains(&m) => {
            let n = N::int(to - from + 1);
            let k = m - from + 1;
            amount * N::int(k) / n - amount * N::int(k - 1) / n
        }
        _ => N::ZERO,
    }
}

/// Names the first line that could not be computed in month `m` (custom lines are bounded
/// far below the limit, so it is a computed line or the month's total).
fn overflow_at<N: Num>(
    month: &MonthAmounts<N>,
    m: u32,
    counted: impl Fn(LineId) -> bool,
) -> Overflow {
    let culprit = LineId::ALL
        .into_iter()
        .find(|&id| counted(id) && !month.amount(id).is_valid())
        .map(|id| id.title().en.to_owned());
    Overflow {
        line: culprit.unwrap_or_else(|| "the month's total".to_owned()),
        month: m,
    }
}

/// The English name of a line, as exports use it.
pub fn line_name<S>(s: &Scenario<S>, line: LineRef) -> String {
    match line {
        LineRef::Model(id) => id.title().en.to_owned(),
        LineRef::Custom(i) => s
            .custom
            .lines
            .get(i)
            .map(|l| l.name.clone())
            .unwrap_or_default(),
    }
}
