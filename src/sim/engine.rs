//! The month-by-month ledger: every cost and benefit line of every switched-on initiative, and
//! the operational figures (KPIs) behind them.
//!
//! Written once, generic over [`Num`]: `Exact` (checked `Decimal`) for the ledger people
//! read, `f64` for sampling. The formulas are documented in [`crate::sim`]. A month is worked
//! out in named steps: the initiatives' adoption, then [`contacts`], [`agent_time`] and
//! [`churn`] (the flows that depend only on the adoptions, worked out again only when an
//! adoption moved), then [`benefits`] and [`costs`] in money, and the KPIs.

use crate::model::{Initiative, PerInitiative, RampShape, Scenario, StaffingModel, Timing};
use crate::sim::kpi::{Kpis, StaffingKpis};
use crate::sim::lines::{LineId, Nature, PerLine, RiskClass};
use crate::sim::number::{FromInput, Num};
use crate::sim::staffing::{self, Path, Rules, Workload};

/// Which initiatives a run counts (on top of their own on/off switches).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mask(pub PerInitiative<bool>);

impl Mask {
    /// Counts every initiative the scenario has switched on.
    pub const ALL: Mask = Mask(PerInitiative::splat(true));

    /// Counts only `initiative`.
    pub fn only(initiative: Initiative) -> Mask {
        Mask(PerInitiative::from_fn(|i| i == initiative))
    }

    /// Counts all but `initiative`.
    pub fn without(initiative: Initiative) -> Mask {
        Mask(PerInitiative::from_fn(|i| i != initiative))
    }

    fn has(self, initiative: Initiative) -> bool {
        self.0[initiative]
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
    /// The staffing figures of each month (staffing by service level, with detail; else
    /// empty).
    pub staffing: Vec<StaffingKpis<N>>,
    /// The same without any initiative.
    pub baseline_staffing: Vec<StaffingKpis<N>>,
    /// The agents paid with the initiatives each month (with detail; else empty).
    pub paid: Vec<Paid<N>>,
}

/// The agents paid in a month and their payroll (in the month's money): the headcount path's
/// with staffing by service level; with the simplified staffing, the agents employed (at the
/// month's volume) less the FTE the agent time saved stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paid<N> {
    /// Agents paid, in FTE.
    pub fte: N,
    /// Their payroll.
    pub payroll: N,
}

impl<N: Copy> Ledger<N> {
    /// The amounts of line number `line` for months 1..=horizon.
    pub fn line_amounts(&self, line: usize) -> &[N] {
        let h = self.horizon_months as usize;
        self.amounts.get(line * h..(line + 1) * h).unwrap_or(&[])
    }
}

/// Which figure could not be computed exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// A line of the ledger.
    Line(LineRef),
    /// A month's total.
    MonthTotal,
    /// The monthly totals of the projection.
    MonthlyTotals,
    /// The summary (ROI, NPV, IRR, break-even).
    Summary,
    /// A stand-alone summary of one initiative.
    StandAlone,
    /// The marginal contribution of one initiative.
    Marginal,
    /// The operational figures.
    Kpis,
    /// A risk factor.
    RiskFactor,
    /// The tracking's gap to the plan.
    Gap,
}

/// A figure could not be computed exactly: it would exceed what a `Decimal` holds (about
/// 7.9 × 10^28). Worded in [`crate::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overflow {
    /// Which figure.
    pub figure: Figure,
    /// The month (the last month for figures over the horizon).
    pub month: u32,
}

impl std::error::Error for Overflow {}

/// What was observed in one month, at the month's own volume (counts include contact
/// growth), to put in place of the plan's flows: the realised month is then valued with the
/// same formulas as the plan. Shares are ratios (0.7 for 70%). What is left out stays as
/// planned.
///
/// Contacts and customers are the month's *volume*: the plan is first flexed to them (every
/// flow of the month scaled to the contacts observed, the customers the initiatives keep to
/// the customers observed), and the other figures are put in against that flexed plan. An
/// observation of the volume alone is therefore the flexed plan.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Observation<N> {
    /// Contacts customers made (after first-contact resolution and duplicates).
    pub contacts: Option<N>,
    /// Active customers.
    pub customers: Option<N>,
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
    /// Agents paid, in FTE (used when no payroll is observed).
    pub paid_fte: Option<N>,
    /// The agents' payroll of the month, in the month's money.
    pub payroll: Option<N>,
    /// What was spent per initiative, in place of the month's planned costs of that
    /// initiative.
    pub spent: PerInitiative<Option<N>>,
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

impl<N: Num> Ratios<N> {
    /// The ratios of observation `o` (at the month's `volume`) to the plan's flows `planned`.
    fn of(o: &Observation<N>, planned: &Flows<N>, volume: N) -> Self {
        let today = |n: N| if volume == N::ONE { n } else { n / volume };
        Ratios {
            contacts: ratio(o.contacts.map(today), planned.contacts.offered),
            bot_resolved: ratio(o.bot_resolved.map(today), planned.contacts.bot_resolved),
            agent_contacts: ratio(o.agent_contacts.map(today), planned.contacts.agent_contacts),
            handle_time: ratio(o.handle_time, planned.time.handle_time),
            fcr: ratio(o.fcr, planned.contacts.fcr2),
            churn: ratio(o.churn, planned.churn.churn),
        }
    }
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
///   the plan's proportion. When the plan has neither this month, the rest goes to the one
///   that is live, else to the bot when it is live (it shapes what agents are left with);
///   with no initiative live it is nobody's: it is returned as minutes no initiative answers
///   for (the baseline gets them too);
/// - churn: the observed one; the initiatives' reductions change in the plan's proportion
///   (with no reduction planned, the change is nobody's).
fn observe<N: Num>(
    k: &Constants<N>,
    f: Flows<N>,
    o: &Observation<N>,
    volume: N,
    live: PerInitiative<bool>,
) -> (Flows<N>, N) {
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
    let bot_extra = (resolved - c.bot_resolved) * k.bot.minutes;
    let rest = freed - bot_extra;
    let plan_rest = t.minutes_omni + t.minutes_train;
    let (bot_live, omni_live, train_live) = (
        live[Initiative::Chatbot],
        live[Initiative::Omnichannel],
        live[Initiative::Training],
    );
    let (mut d_bot, mut d_omni, mut d_train) = (bot_extra, N::ZERO, N::ZERO);
    let mut nobodys = N::ZERO;
    // Nothing to share out leaves the plan's minutes exactly as they are.
    if !rest.is_zero() {
        if !plan_rest.is_zero() {
            d_omni = rest * t.minutes_omni / plan_rest;
            d_train = rest - d_omni;
        } else if omni_live {
            d_omni = rest;
        } else if train_live {
            d_train = rest;
        } else if bot_live {
            d_bot = d_bot + rest;
        } else {
            nobodys = rest;
        }
    }
    let bot_closed = if resolved == c.bot_resolved {
        c.bot_closed
    } else if k.bot.failure < N::ONE {
        resolved / (N::ONE - k.bot.failure)
    } else {
        c.bot_closed
    };
    let mut churn = f.churn;
    if let Some(observed) = o.churn {
        let planned = k.today.churn0 - churn.churn;
        let extra = churn.churn - observed;
        if !extra.is_zero() {
            let r = &mut churn.reductions;
            if !planned.is_zero() {
                let (b, om) = (r[Initiative::Chatbot], r[Initiative::Omnichannel]);
                let d_b = extra * b / planned;
                let d_o = extra * om / planned;
                r[Initiative::Chatbot] = b + d_b;
                r[Initiative::Omnichannel] = om + d_o;
                r[Initiative::Training] = r[Initiative::Training] + (extra - d_b - d_o);
            }
        }
        churn.churn = observed;
    }
    let flows = Flows {
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
    };
    (flows, nobodys)
}

/// The factor that flexes the plan's month to the contacts observed (`n`, at the month's
/// `volume`): observed over planned contacts, less what an observed first-contact resolution
/// explains (it is put in afterwards). None when the plan has no contacts.
fn volume_ratio<N: Num>(n: N, f: &Flows<N>, fcr: Option<N>, volume: N) -> Option<N> {
    let mut planned = scaled(f.contacts.offered, volume);
    if let Some(fcr) = fcr
        && fcr != f.contacts.fcr2
    {
        planned = planned * (N::int(2) - fcr) / (N::int(2) - f.contacts.fcr2);
    }
    if planned.is_zero() {
        None
    } else if n == planned {
        Some(N::ONE)
    } else {
        Some(n / planned)
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
        customers: None,
        paid_fte: None,
        payroll: None,
        spent: PerInitiative::splat(None),
    }
}

/// Puts what was spent on `initiative` in place of its planned costs of the month: each of
/// its cost lines scaled so they add up to the amount (all of it on its first cost line when
/// nothing was planned).
fn spend<N: Num>(amounts: &mut PerLine<N>, initiative: Initiative, spent: Option<N>) {
    let Some(total) = spent else { return };
    let lines = || {
        LineId::ALL
            .into_iter()
            .filter(move |id| id.initiative() == initiative && id.risk_class() == RiskClass::Cost)
    };
    let planned = lines().fold(N::ZERO, |acc, id| acc + amounts[id]);
    if planned == total {
        return;
    }
    if planned.is_zero() {
        for (i, id) in lines().enumerate() {
            amounts[id] = if i == 0 { total } else { N::ZERO };
        }
    } else {
        for id in lines() {
            amounts[id] = amounts[id] * total / planned;
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

/// Figures of a run that do not change from month to month, at today's volume and prices:
/// the contact centre today, and what each initiative does at full effect.
struct Constants<N> {
    today: Today<N>,
    bot: BotEffects<N>,
    omni: OmniEffects<N>,
    train: TrainEffects<N>,
}

/// The contact centre today.
struct Today<N> {
    /// Questions a month: contacts / (2 − first-contact resolution).
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
    /// Agents employed today, in FTE.
    agents: N,
    /// What an FTE costs a month at today's prices (simplified staffing: hours per FTE × cost
    /// per hour), to value an observed headcount.
    fte_month_cost: N,
    /// FTE per euro of that (zero when an FTE costs nothing): a multiplication each month
    /// instead of a division.
    fte_per_month_cost: N,
}

/// The chatbot at full effect, as ratios.
struct BotEffects<N> {
    containment: N,
    /// Agent minutes one resolution saves.
    minutes: N,
    failure: N,
    churn_down: N,
    price_per_resolution: N,
}

/// The omnichannel platform at full effect, as ratios.
struct OmniEffects<N> {
    fcr_up: N,
    duplicates: N,
    aht_down: N,
    churn_down: N,
}

/// Training at full effect, as ratios, and what it saves or costs with it.
struct TrainEffects<N> {
    fcr_up: N,
    aht_down: N,
    churn_down: N,
    /// Avoided replacements a month at full effect.
    replacements_month: N,
    /// Hidden costs as a share of the course's one-off costs.
    hidden_pct: N,
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
    let fcr1 = (k.today.fcr0 * (N::ONE + a.omni * k.omni.fcr_up)).min(N::ONE);
    let fcr2 = (fcr1 * (N::ONE + a.train * k.train.fcr_up)).min(N::ONE);
    let after_fcr = k.today.issues * (N::int(2) - fcr2);
    let duplicates = after_fcr * a.omni * k.omni.duplicates;
    let offered = after_fcr - duplicates;
    let bot_closed = offered * a.bot * k.bot.containment;
    let bot_failed = if k.bot.failure.is_zero() {
        N::ZERO
    } else {
        bot_closed * k.bot.failure
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
    let shift = k.today.aht0 - k.bot.minutes;
    let aht_mix = if shift.is_zero() || c.agent_contacts.is_zero() {
        k.today.aht0
    } else {
        let mix = k.today.aht0 + c.bot_resolved * shift / c.agent_contacts;
        if mix < N::ZERO { N::ZERO } else { mix }
    };
    // Handle time of what agents still handle: omnichannel first, then training.
    let aht_omni = aht_mix * a.omni * k.omni.aht_down;
    let aht_train = (aht_mix - aht_omni) * a.train * k.train.aht_down;
    AgentTime {
        minutes_bot: c.bot_resolved * k.bot.minutes,
        minutes_omni: (k.today.issues * (c.fcr1 - k.today.fcr0) + c.duplicates) * k.today.aht0
            + c.agent_contacts * aht_omni,
        minutes_train: k.today.issues * (c.fcr2 - c.fcr1) * k.today.aht0
            + c.agent_contacts * aht_train,
        handle_time: aht_mix - aht_omni - aht_train,
    }
}

/// Step 3, churn: each initiative's reduction, one after the other.
#[derive(Clone, Copy)]
struct Churn<N> {
    /// Each initiative's reduction of the monthly churn (none for the custom lines).
    reductions: PerInitiative<N>,
    /// Monthly churn after every reduction.
    churn: N,
}

fn churn<N: Num>(k: &Constants<N>, a: &Adoptions<N>) -> Churn<N> {
    let churn_bot = k.today.churn0 * a.bot_retention * k.bot.churn_down;
    let churn1 = k.today.churn0 - churn_bot;
    let churn_omni = churn1 * a.omni_retention * k.omni.churn_down;
    let churn2 = churn1 - churn_omni;
    let churn_train = churn2 * a.train_retention * k.train.churn_down;
    Churn {
        reductions: PerInitiative([churn_bot, churn_omni, churn_train, N::ZERO]),
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

/// The amounts of every line before its timing, at today's prices: what a one-off cost costs,
/// what a running cost costs a month, what the dip costs; zero for the lines that follow the
/// month's flows (fees, agent time, retention, replacements).
fn base_amounts<S, N: Num + FromInput<S>>(
    s: &Scenario<S>,
    agent_cost_month: N,
    hour_cost: N,
) -> PerLine<N> {
    use LineId::*;
    let v = |x: &S| N::from_input(x);
    let (c, o, t) = (&s.chatbot, &s.omnichannel, &s.training);
    let agents = v(&s.baseline.agents_fte);
    let dip = |weeks: &S, pct: &S| agent_cost_month * v(pct).pct() * v(weeks) * months_per_week();
    let mut base = PerLine::splat(N::ZERO);
    for id in LineId::ALL {
        base[id] = match id {
            ChatbotSetup => v(&c.setup_cost),
            ChatbotHidden => v(&c.setup_cost) * v(&c.hidden_cost_pct).pct(),
            ChatbotLicence => v(&c.licence_monthly),
            ChatbotMaintenance => v(&c.maintenance_monthly),
            ChatbotDip => dip(&c.dip_weeks, &c.dip_pct),
            OmnichannelSetup => v(&o.setup_cost),
            OmnichannelHidden => v(&o.setup_cost) * v(&o.hidden_cost_pct).pct(),
            OmnichannelLicence => v(&o.licence_per_seat_monthly) * agents,
            OmnichannelDip => dip(&o.dip_weeks, &o.dip_pct),
            TrainingCourse => v(&t.cost_per_agent) * agents,
            TrainingTrainers => v(&t.trainer_days) * v(&t.trainer_day_rate),
            TrainingHoursOff => v(&t.hours_off_phone_per_agent) * agents * hour_cost,
            TrainingRefresher => v(&t.refresher_monthly),
            ChatbotResolutionFees
            | ChatbotAgentTime
            | ChatbotRetention
            | OmnichannelAgentTime
            | OmnichannelRetention
            | TrainingHidden
            | TrainingAgentTime
            | TrainingReplacements
            | TrainingRetention
            | ChatbotSeverance
            | OmnichannelSeverance
            | TrainingNewHires
            | TrainingSeverance => N::ZERO,
        };
    }
    base
}

/// What a month's lines are worked out from.
struct Month<'a, N> {
    k: &'a Constants<N>,
    base: &'a PerLine<N>,
    timelines: &'a PerInitiative<Timeline>,
    m: u32,
    flows: &'a Flows<N>,
    factors: Factors<N>,
    /// Training's adoption this month (the avoided replacements follow it).
    a_train: N,
    /// Customers kept per initiative so far.
    retained: &'a PerInitiative<N>,
    /// With staffing by service level: what the headcount path saves and costs this month.
    people: Option<&'a People<N>>,
}

/// What the headcount path of a month gives the lines (staffing by service level).
#[derive(Clone, Copy, Debug)]
struct People<N> {
    /// The baseline's people costs (payroll and hires) less those of the scenario at the
    /// baseline's attrition, in the month's money: what the smaller workload saves.
    saving: N,
    /// The scenario's severance at the baseline's attrition beyond the baseline's.
    severance: N,
    /// What training's lower attrition saves on top (people costs at the baseline's
    /// attrition less those at the lower one; negative while a shrinking team keeps people it
    /// would have lost).
    attrition_saving: N,
    /// The severance training's lower attrition adds.
    attrition_severance: N,
    /// The course for the month's new hires, when they are trained.
    new_hires: N,
    /// Each initiative's share of the freed workload, which its lines take of the above.
    shares: PerInitiative<N>,
    /// In an observed month, how the saving splits: what the month would have saved as
    /// planned (from where the paths stood), shared as planned; what the observed flows
    /// changed, by how far each initiative's freed minutes moved from plan (so a deviation
    /// lands on the initiative whose minutes moved, not on the others' shares); what the
    /// agents paid observed changed, by the month's shares.
    split: Option<Split<N>>,
}

/// See [`People::split`].
#[derive(Clone, Copy, Debug)]
struct Split<N> {
    planned: N,
    /// The saving with the flows observed but not the agents paid.
    flows: N,
    planned_shares: PerInitiative<N>,
    deviation_shares: PerInitiative<N>,
}

impl<N: Num> Split<N> {
    /// An initiative's part of `saving` (the month's, its shares `shares`).
    fn part(&self, saving: N, shares: &PerInitiative<N>, initiative: Initiative) -> N {
        self.planned * self.planned_shares[initiative]
            + (self.flows - self.planned) * self.deviation_shares[initiative]
            + (saving - self.flows) * shares[initiative]
    }
}

/// Each initiative's share of how far the freed minutes moved from `planned` to `actual`:
/// in proportion to its own move when all moved the same way, else the planned shares.
fn deviation_shares<N: Num>(
    planned: &AgentTime<N>,
    actual: &AgentTime<N>,
    on: PerInitiative<bool>,
) -> PerInitiative<N> {
    let d = [
        actual.minutes_bot - planned.minutes_bot,
        actual.minutes_omni - planned.minutes_omni,
        actual.minutes_train - planned.minutes_train,
    ];
    let total = d[0] + d[1] + d[2];
    let same_way = d
        .iter()
        .all(|&x| x.is_zero() || ((x > N::ZERO) == (total > N::ZERO)));
    if total.is_zero() || !same_way {
        return workload_shares(planned, on);
    }
    let mut shares = PerInitiative::splat(N::ZERO);
    shares[Initiative::Chatbot] = d[0] / total;
    shares[Initiative::Omnichannel] = d[1] / total;
    shares[Initiative::Training] =
        N::ONE - shares[Initiative::Chatbot] - shares[Initiative::Omnichannel];
    shares
}

/// Each initiative's share of the agent minutes freed this month; with none freed, all to
/// training when it is on (its lower attrition is then the only way it moves the headcount),
/// else to the first initiative switched on.
fn workload_shares<N: Num>(t: &AgentTime<N>, on: PerInitiative<bool>) -> PerInitiative<N> {
    let total = t.minutes_bot + t.minutes_omni + t.minutes_train;
    let mut shares = PerInitiative::splat(N::ZERO);
    if !total.is_zero() {
        shares[Initiative::Chatbot] = t.minutes_bot / total;
        shares[Initiative::Omnichannel] = t.minutes_omni / total;
        shares[Initiative::Training] =
            N::ONE - shares[Initiative::Chatbot] - shares[Initiative::Omnichannel];
    } else if on[Initiative::Training] {
        shares[Initiative::Training] = N::ONE;
    } else if let Some(i) = Initiative::MODELLED.into_iter().find(|&i| on[i]) {
        shares[i] = N::ONE;
    }
    shares
}

/// Steps 4 and 5, the month's amount of every line: one arm per line, so a new line cannot be
/// left out. Lines are worked out in ledger order; `so_far` holds the ones before.
fn line_amount<N: Num>(id: LineId, cx: &Month<'_, N>, so_far: &PerLine<N>) -> N {
    use LineId::*;
    let (k, base, m, f, x) = (cx.k, cx.base, cx.m, cx.flows, cx.factors);
    let bot = cx.timelines[Initiative::Chatbot];
    let omni = cx.timelines[Initiative::Omnichannel];
    let train = cx.timelines[Initiative::Training];
    let when = |cond: bool, amount: N| if cond { amount } else { N::ZERO };
    let indexed = |amount: N| scaled(amount, x.prices);
    // The go-live dip costs a share of the agent cost of the month it falls in.
    let dip = |amount: N| scaled(scaled(amount, x.volume), x.prices);
    let money = |minutes: N| scaled(scaled(minutes * k.today.saved_minute, x.volume), x.prices);
    // With staffing by service level, an initiative's lines take its share of what the
    // headcount path saves and costs; the simplified staffing books freed minutes instead.
    let people = |initiative: Initiative, of: fn(&People<N>) -> N| {
        cx.people.map_or(N::ZERO, |p| {
            let share = p.shares[initiative];
            if share.is_zero() {
                N::ZERO
            } else {
                of(p) * share
            }
        })
    };
    let saved = |initiative: Initiative, minutes: N| match cx.people {
        Some(p) => match &p.split {
            Some(split) => split.part(p.saving, &p.shares, initiative),
            None => people(initiative, |p| p.saving),
        },
        None => money(minutes),
    };
    match id {
        ChatbotSetup => when(m == bot.start, base[id]),
        ChatbotHidden => when(m == bot.start, base[id]),
        ChatbotLicence => when(m >= bot.start, indexed(base[id])),
        ChatbotMaintenance => when(m >= bot.go_live, indexed(base[id])),
        ChatbotResolutionFees => scaled(
            scaled(f.contacts.bot_closed * k.bot.price_per_resolution, x.volume),
            x.prices,
        ),
        ChatbotDip => when(m == bot.go_live, dip(base[id])),
        ChatbotAgentTime => saved(Initiative::Chatbot, f.time.minutes_bot),
        ChatbotSeverance => people(Initiative::Chatbot, |p| p.severance),
        ChatbotRetention => cx.retained[Initiative::Chatbot] * k.today.margin,
        OmnichannelSetup => when(m == omni.start, base[id]),
        OmnichannelHidden => when(m == omni.start, base[id]),
        OmnichannelLicence => when(m >= omni.start, indexed(base[id])),
        OmnichannelDip => when(m == omni.go_live, dip(base[id])),
        OmnichannelAgentTime => saved(Initiative::Omnichannel, f.time.minutes_omni),
        OmnichannelSeverance => people(Initiative::Omnichannel, |p| p.severance),
        OmnichannelRetention => cx.retained[Initiative::Omnichannel] * k.today.margin,
        TrainingCourse => when(m == train.start, base[id]),
        TrainingTrainers => when(m == train.start, base[id]),
        // Hours off the phone are paid at the agent cost of the month of the course.
        TrainingHoursOff => when(m == train.start, indexed(base[id])),
        TrainingHidden => {
            if m == train.start {
                (so_far[TrainingCourse] + so_far[TrainingTrainers] + so_far[TrainingHoursOff])
                    * k.train.hidden_pct
            } else {
                N::ZERO
            }
        }
        TrainingRefresher => when(m >= train.go_live, indexed(base[id])),
        TrainingAgentTime => saved(Initiative::Training, f.time.minutes_train),
        // With a headcount path the replacements avoided are in its hires.
        TrainingReplacements => match cx.people {
            Some(p) => p.attrition_saving,
            None => cx.a_train * k.train.replacements_month,
        },
        TrainingNewHires => cx.people.map_or(N::ZERO, |p| p.new_hires),
        TrainingSeverance => {
            people(Initiative::Training, |p| p.severance)
                + cx.people.map_or(N::ZERO, |p| p.attrition_severance)
        }
        TrainingRetention => cx.retained[Initiative::Training] * k.today.margin,
    }
}

/// The month's amount of every line.
fn month_amounts<N: Num>(cx: &Month<'_, N>) -> PerLine<N> {
    let mut amounts = PerLine::splat(N::ZERO);
    for id in LineId::ALL {
        amounts[id] = line_amount(id, cx, &amounts);
    }
    amounts
}

/// The month's costs, benefits and revenue-type benefits of the initiatives switched on,
/// summed line by line in ledger order: the same totals as booking every line.
fn totals<N: Num>(amounts: &PerLine<N>, on: impl Fn(Initiative) -> bool) -> (N, N, N) {
    let (mut cost, mut benefit, mut revenue) = (N::ZERO, N::ZERO, N::ZERO);
    for id in LineId::ALL.into_iter().filter(|id| on(id.initiative())) {
        let amount = amounts[id];
        match id.risk_class() {
            RiskClass::Cost => cost = cost + amount,
            RiskClass::Saving => benefit = benefit + amount,
            RiskClass::Revenue => {
                benefit = benefit + amount;
                revenue = revenue + amount;
            }
        }
    }
    (cost, benefit, revenue)
}

/// The sum of the lines of `nature` of the initiatives switched on, in ledger order: the
/// running costs, or the agent time saved, for the cost per contact.
fn sum_of<N: Num>(amounts: &PerLine<N>, nature: Nature, on: impl Fn(Initiative) -> bool) -> N {
    LineId::ALL
        .into_iter()
        .filter(|id| id.nature() == nature && on(id.initiative()))
        .fold(N::ZERO, |acc, id| acc + amounts[id])
}

/// A month of a headcount path as the KPIs read it: its staffing figures and the paid hours of
/// an FTE (staffing by service level).
type Staffed<'a, N> = (&'a StaffingKpis<N>, N);

/// The operational figures of a month. `saved` is the agent time saved in money (what the
/// agent cost falls by), `running` the month's running costs of the initiatives; with a
/// headcount path (`staffed`) the agents are the ones the workload needs and the agent cost is
/// the path's payroll.
fn kpis<N: Num>(
    k: &Constants<N>,
    f: &Flows<N>,
    x: Factors<N>,
    retained: &PerInitiative<N>,
    (saved, running): (N, N),
    staffed: Option<Staffed<'_, N>>,
) -> Kpis<N> {
    let volume = |n: N| scaled(n, x.volume);
    let contacts = volume(f.contacts.offered);
    let agent_contacts = volume(f.contacts.agent_contacts);
    let (agent_hours, agent_fte, agent_cost) = match staffed {
        Some((st, hours)) => (
            st.agents_required_fte * hours,
            st.agents_required_fte,
            st.payroll,
        ),
        None => {
            let hours = agent_contacts * f.time.handle_time * k.today.hours_per_paid_minute;
            let cost = scaled(volume(k.today.agent_cost_month), x.prices) - saved;
            (hours, hours * k.today.fte_per_hour, cost)
        }
    };
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
        agent_fte,
        customers: k.today.customers
            + retained[Initiative::Chatbot]
            + retained[Initiative::Omnichannel]
            + retained[Initiative::Training],
        churn_monthly_pct: f.churn.churn * N::int(100),
    }
}

/// The operational figures of a month without any initiative.
fn baseline_kpis<N: Num>(
    k: &Constants<N>,
    x: Factors<N>,
    staffed: Option<Staffed<'_, N>>,
) -> Kpis<N> {
    let contacts = scaled(k.today.contacts0, x.volume);
    let (agent_hours, agent_fte, cost_per_contact) = match staffed {
        Some((st, hours)) => (
            st.agents_required_fte * hours,
            st.agents_required_fte,
            if contacts.is_zero() {
                N::ZERO
            } else {
                st.payroll / contacts
            },
        ),
        None => {
            let hours = contacts * k.today.aht0 * k.today.hours_per_paid_minute;
            (
                hours,
                hours * k.today.fte_per_hour,
                scaled(k.today.aht0 * k.today.paid_minute, x.prices),
            )
        }
    };
    Kpis {
        contacts,
        bot_resolved_contacts: N::ZERO,
        agent_contacts: contacts,
        fcr_pct: k.today.fcr0 * N::int(100),
        handle_time_minutes: k.today.aht0,
        cost_per_contact,
        agent_hours,
        agent_fte,
        customers: k.today.customers,
        churn_monthly_pct: k.today.churn0 * N::int(100),
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
    let h = s.finance.horizon_months;
    let on = PerInitiative::from_fn(|i| mask.has(i) && s.is_enabled(i));
    let run = Run::new(s, on);
    let lines = if detail {
        line_infos(s, on)
    } else {
        Vec::new()
    };
    let months = h as usize;
    let mut ledger = Ledger {
        horizon_months: h,
        amounts: vec![N::ZERO; lines.len() * months],
        lines,
        costs: Vec::with_capacity(months),
        benefits: Vec::with_capacity(months),
        revenue: Vec::with_capacity(months),
        kpis: Vec::new(),
        baseline_kpis: Vec::new(),
        staffing: Vec::new(),
        baseline_staffing: Vec::new(),
        paid: Vec::new(),
    };
    // With staffing by service level, the headcount paths without and with the initiatives.
    let mut paths = run.staffing.as_ref().map(|r| Paths {
        baseline: Path::start(r),
        scenario: Path::start(r),
        plain: Path::start(r),
        diverged: false,
        with: None,
        without: None,
    });
    // Customers kept per initiative so far; each keeps paying margin until it churns.
    let mut retained = PerInitiative::splat(N::ZERO);
    let mut cache = FlowCache::default();
    let mut x = Factors {
        volume: N::ONE,
        prices: N::ONE,
    };
    let last_observed = observed.and_then(|o| {
        o.months
            .iter()
            .rposition(Option::is_some)
            .map(|i| i as u32 + 1)
    });
    let mut ratios: Option<Ratios<N>> = None;
    for m in 1..=h {
        if m > 1 {
            x.volume = scaled(x.volume, run.volume_step);
            x.prices = scaled(x.prices, run.price_step);
        }
        let mut a = run.adoptions(m);
        if let Some(paths) = &mut paths
            && on[Initiative::Training]
        {
            // Training works through the agents who took the course.
            if m == run.timelines[Initiative::Training].start {
                paths.scenario.train_everyone();
            }
            let share = paths.scenario.trained_share();
            if share != N::ONE {
                a.train = a.train * share;
                a.train_retention = a.train_retention * share;
            }
        }
        let mut f = cache.flows(&run.k, &a);
        let mut observation =
            observed.and_then(|o| o.months.get(m as usize - 1).copied().flatten());
        if observation.is_none()
            && let Some(r) = &ratios
        {
            observation = Some(rebased(&f, r, x.volume));
        }
        // Which initiatives are live matters only to an observation.
        let live = if observation.is_some() {
            run.live(m)
        } else {
            PerInitiative::splat(false)
        };
        // The month's factors, flexed to the volume observed.
        let mut xm = x;
        let mut customers = run.k.today.customers;
        let mut seen = Seen {
            nobodys: N::ZERO,
            paid: None,
            any_live: Initiative::MODELLED.into_iter().any(|i| live[i]),
            planned: None,
        };
        if let Some(o) = &observation {
            let planned = f;
            if observed.is_some_and(|ob| ob.rebase && Some(m) == last_observed) {
                ratios = Some(Ratios::of(o, &planned, x.volume));
            }
            let mut rest = *o;
            if let Some(n) = rest.contacts.take()
                && let Some(r) = volume_ratio(n, &f, o.fcr, x.volume)
            {
                xm.volume = scaled(r, x.volume);
            }
            if let Some(n) = o.customers {
                customers = customers_kept_from(&run.k, &retained, &planned, n);
            }
            let (flows, nobodys) = observe(&run.k, f, &rest, xm.volume, live);
            f = flows;
            seen.nobodys = nobodys;
            seen.paid = observed_paid(o, run.staffing.as_ref(), &run.k, xm);
            seen.planned = Some(planned);
        }
        for i in Initiative::MODELLED {
            retained[i] =
                retained[i] * (N::ONE - f.churn.churn) + customers * f.churn.reductions[i];
        }
        let staffed = match (&run.staffing, &mut paths) {
            (Some(rules), Some(paths)) => Some(staff_month(
                &run,
                rules,
                paths,
                (&f, &a, xm),
                &seen,
                (m, detail),
            )),
            _ => None,
        };
        let cx = Month {
            k: &run.k,
            base: &run.base,
            timelines: &run.timelines,
            m,
            flows: &f,
            factors: xm,
            a_train: a.train,
            retained: &retained,
            people: staffed.as_ref().map(|st| &st.people),
        };
        let mut amounts = month_amounts(&cx);
        let spent = observation.map_or(PerInitiative::splat(None), |o| o.spent);
        for i in Initiative::MODELLED {
            spend(&mut amounts, i, spent[i]);
        }
        if run.staffing.is_none()
            && seen.any_live
            && let Some(paid) = seen.paid
        {
            // Simplified staffing: the agent time saved is what the payroll fell by.
            let without = scaled(
                scaled(run.k.today.agents * run.k.today.fte_month_cost, xm.volume),
                xm.prices,
            );
            realise(&mut amounts, without - paid.payroll, live);
        }
        let (cost, benefit, revenue) = book_month(
            s,
            &run,
            &amounts,
            spent[Initiative::Custom],
            m,
            detail,
            &mut ledger,
        )?;
        if detail {
            let saved = sum_of(&amounts, Nature::AgentTime, |i| on[i]);
            let running = sum_of(&amounts, Nature::Running, |i| on[i]);
            let paths = staffed.as_ref().and_then(|st| st.kpis.as_ref());
            let hours = run.staffing.as_ref().map_or(N::ZERO, Rules::paid_hours);
            let with = paths.map(|(with, _)| (with, hours));
            let without = paths.map(|(_, without)| (without, hours));
            ledger
                .kpis
                .push(kpis(&run.k, &f, xm, &retained, (saved, running), with));
            ledger
                .baseline_kpis
                .push(baseline_kpis(&run.k, xm, without));
            if let Some((with, without)) = paths {
                ledger.staffing.push(*with);
                ledger.baseline_staffing.push(*without);
            }
            ledger.paid.push(match paths {
                Some((with, _)) => Paid {
                    fte: with.agents_paid_fte,
                    payroll: with.payroll,
                },
                None => simplified_paid(&run.k, xm, saved),
            });
        }
        ledger.costs.push(cost);
        ledger.benefits.push(benefit);
        ledger.revenue.push(revenue);
    }
    Ok(ledger)
}

/// What an observation of a month leaves for the headcount: the agent minutes freed that no
/// initiative answers for (the baseline's workload gets them too), the agents paid observed,
/// and whether any initiative is live (before one is, an observed headcount is where both
/// paths stand, not a saving).
struct Seen<N> {
    nobodys: N,
    paid: Option<Paid<N>>,
    any_live: bool,
    /// The month's flows as planned (flexed to the volume), when it was observed.
    planned: Option<Flows<N>>,
}

/// What the payroll of an FTE is in a month (`x` its factors): with a headcount path its paid
/// hours at the cost per paid hour, else the simplified hours per FTE at the cost per hour.
fn fte_month_cost<N: Num>(rules: Option<&Rules<N>>, k: &Constants<N>, x: Factors<N>) -> N {
    let today = match rules {
        Some(r) => r.paid_hours() * r.cost_per_paid_hour(),
        None => k.today.fte_month_cost,
    };
    scaled(today, x.prices)
}

/// The agents paid an observation gives: its payroll (the agents it pays at the month's cost
/// of an FTE), else its paid FTE (at that cost).
fn observed_paid<N: Num>(
    o: &Observation<N>,
    rules: Option<&Rules<N>>,
    k: &Constants<N>,
    x: Factors<N>,
) -> Option<Paid<N>> {
    let cost = fte_month_cost(rules, k, x);
    match (o.payroll, o.paid_fte) {
        (Some(payroll), _) => Some(Paid {
            fte: if cost.is_zero() {
                N::ZERO
            } else {
                payroll / cost
            },
            payroll,
        }),
        (None, Some(fte)) => Some(Paid {
            fte,
            payroll: fte * cost,
        }),
        (None, None) => None,
    }
}

/// The customers whose churn the initiatives' reductions apply to this month, flexed to `n`
/// observed: today's customers × observed / the customers the plan has this month.
fn customers_kept_from<N: Num>(
    k: &Constants<N>,
    retained: &PerInitiative<N>,
    planned: &Flows<N>,
    n: N,
) -> N {
    let c = k.today.customers;
    let plan = Initiative::MODELLED.into_iter().fold(c, |acc, i| {
        acc + retained[i] * (N::ONE - planned.churn.churn) + c * planned.churn.reductions[i]
    });
    if plan.is_zero() || plan == n {
        c
    } else {
        c * n / plan
    }
}

/// Simplified staffing: the agent time saved lines of the live initiatives scaled so they add
/// up to `saving` (all of it on the first live one's when they saved nothing).
fn realise<N: Num>(amounts: &mut PerLine<N>, saving: N, live: PerInitiative<bool>) {
    let lines = || {
        LineId::ALL
            .into_iter()
            .filter(move |id| id.nature() == Nature::AgentTime && live[id.initiative()])
    };
    let planned = lines().fold(N::ZERO, |acc, id| acc + amounts[id]);
    if planned == saving {
        return;
    }
    if planned.is_zero() {
        if let Some(first) = lines().next() {
            amounts[first] = saving;
        }
        return;
    }
    for id in lines() {
        amounts[id] = amounts[id] * saving / planned;
    }
}

/// Simplified staffing: the agents employed at the month's volume less the FTE that the agent
/// time saved (`saved`, in money) stands for, and their payroll.
fn simplified_paid<N: Num>(k: &Constants<N>, x: Factors<N>, saved: N) -> Paid<N> {
    let cost = fte_month_cost(None, k, x);
    let without = scaled(k.today.agents, x.volume);
    // saved / cost, as saved × (FTE per euro at today's prices) / the price factor.
    let saved_fte = saved * k.today.fte_per_month_cost;
    Paid {
        fte: without
            - if x.prices == N::ONE {
                saved_fte
            } else {
                saved_fte / x.prices
            },
        payroll: without * cost - saved,
    }
}

/// A month of staffing by service level: the paths moved, and what that gives the lines and
/// (with detail) the KPIs, with and without the initiatives.
struct StaffMonth<N> {
    people: People<N>,
    kpis: Option<(StaffingKpis<N>, StaffingKpis<N>)>,
}

/// The headcount paths of a run.
struct Paths<N> {
    /// Without the initiatives.
    baseline: Path<N>,
    /// With them.
    scenario: Path<N>,
    /// With them, at the baseline's attrition: what sets training's lower attrition apart
    /// from the smaller workload. The same as `scenario` until training first lowers the
    /// attrition, and copied from it until then.
    plain: Path<N>,
    /// Whether `plain` has gone its own way.
    diverged: bool,
    /// The last workloads worked out (agent contacts, handle time, workload), with and
    /// without the initiatives: once ramp-ups are over they repeat month after month.
    with: Option<(N, N, Workload<N>)>,
    without: Option<(N, N, Workload<N>)>,
}

/// The workload of `contacts` of `handle_time`, from `cache` when it is the same as last
/// month's.
fn cached_workload<N: Num>(
    rules: &Rules<N>,
    cache: &mut Option<(N, N, Workload<N>)>,
    contacts: N,
    handle_time: N,
    from: u32,
) -> Workload<N> {
    match cache {
        Some((c, h, w)) if *c == contacts && *h == handle_time => *w,
        _ => {
            let w = staffing::workload(rules, contacts, handle_time, from);
            *cache = Some((contacts, handle_time, w));
            w
        }
    }
}

/// Moves the headcount paths by a month: the scenario's workload from the month's flows, the
/// baseline's from today's contacts and handle time, both at the month's volume.
fn staff_month<N: Num>(
    run: &Run<N>,
    rules: &Rules<N>,
    paths: &mut Paths<N>,
    (f, a, x): (&Flows<N>, &Adoptions<N>, Factors<N>),
    seen: &Seen<N>,
    (m, detail): (u32, bool),
) -> StaffMonth<N> {
    let volume = |n: N| scaled(n, x.volume);
    let with = cached_workload(
        rules,
        &mut paths.with,
        volume(f.contacts.agent_contacts),
        f.time.handle_time,
        paths.scenario.agents,
    );
    // Minutes no initiative answers for are the baseline's too.
    let baseline_aht = if seen.nobodys.is_zero() || run.k.today.contacts0.is_zero() {
        run.k.today.aht0
    } else {
        run.k.today.aht0 - seen.nobodys / run.k.today.contacts0
    };
    let without = cached_workload(
        rules,
        &mut paths.without,
        volume(run.k.today.contacts0),
        baseline_aht,
        paths.baseline.agents,
    );
    // The plain path only differs once training lowers the attrition.
    paths.diverged = paths.diverged || (!a.train.is_zero() && rules.lowers_attrition());
    // In an observed month: the plain path as it would have moved had the month gone to plan.
    let plain_as_planned = seen.planned.map(|planned| {
        let w = staffing::workload(
            rules,
            volume(planned.contacts.agent_contacts),
            planned.time.handle_time,
            paths.scenario.agents,
        );
        let mut path = if paths.diverged {
            paths.plain.clone()
        } else {
            paths.scenario.clone()
        };
        let training = if paths.diverged { N::ZERO } else { a.train };
        (path.step(rules, m, &w, training), planned.time)
    });
    let mut moved = paths.scenario.step(rules, m, &with, a.train);
    let mut plain = if paths.diverged {
        paths.plain.step(rules, m, &with, N::ZERO)
    } else {
        paths.plain.clone_from(&paths.scenario);
        moved
    };
    let mut kept = paths.baseline.step(rules, m, &without, N::ZERO);
    let payroll = |p: N| scaled(p, x.prices);
    let people_cost = |moves: &staffing::Moves<N>| payroll(moves.payroll) + moves.hire_cost;
    // Before the agents paid observed (only an observed month splits its saving): the
    // baseline's cost and the saving of the flows.
    let before_paid = plain_as_planned.as_ref().map(|_| {
        let kept_cost = people_cost(&kept);
        (kept_cost, kept_cost - people_cost(&plain))
    });
    if let Some(paid) = seen.paid {
        // The agents paid observed are where the paths with the initiatives stand; before any
        // initiative is live, where the baseline stands too.
        // The other paths move by as much, so what sets them apart stays as planned.
        let delta = paid.fte - moved.paid;
        paths.scenario.observe_paid(rules, &mut moved, paid.fte);
        let fte = plain.paid + delta;
        paths.plain.observe_paid(rules, &mut plain, fte);
        if !seen.any_live {
            let fte = kept.paid + delta;
            paths.baseline.observe_paid(rules, &mut kept, fte);
        }
    }
    let train = run.timelines[Initiative::Training];
    let new_hires = match rules.new_hire_fee {
        Some(fee) if run.on[Initiative::Training] && m >= train.start => moved.hires * fee,
        _ => N::ZERO,
    };
    let path_kpis = |w: &Workload<N>, moves: &staffing::Moves<N>| {
        let service = staffing::service(rules, w, moves.paid);
        StaffingKpis {
            service_level_pct: N::from_kpi_f64(service.level * 100.0),
            asa_seconds: N::from_kpi_f64(service.asa_seconds),
            occupancy_pct: N::from_kpi_f64(service.occupancy * 100.0),
            agents_required_fte: w.required,
            agents_paid_fte: moves.paid,
            leavers_fte: moves.leavers,
            hires_fte: moves.hires,
            payroll: payroll(moves.payroll),
        }
    };
    let split =
        plain_as_planned
            .zip(before_paid)
            .map(|((plain_planned, time), (kept_cost, flows))| Split {
                planned: kept_cost - people_cost(&plain_planned),
                flows,
                planned_shares: workload_shares(&time, run.on),
                deviation_shares: deviation_shares(&time, &f.time, run.on),
            });
    StaffMonth {
        people: People {
            split,
            saving: people_cost(&kept) - people_cost(&plain),
            severance: plain.severance - kept.severance,
            attrition_saving: people_cost(&plain) - people_cost(&moved),
            attrition_severance: moved.severance - plain.severance,
            new_hires,
            shares: workload_shares(&f.time, run.on),
        },
        kpis: detail.then(|| (path_kpis(&with, &moved), path_kpis(&without, &kept))),
    }
}

/// What a run works with that does not change from month to month.
struct Run<N> {
    on: PerInitiative<bool>,
    k: Constants<N>,
    base: PerLine<N>,
    timelines: PerInitiative<Timeline>,
    volume_step: N,
    price_step: N,
    retention_delay: u32,
    /// Staffing by service level, or `None` for the simplified staffing of older files.
    staffing: Option<Rules<N>>,
}

impl<N: Num> Run<N> {
    fn new<S>(s: &Scenario<S>, on: PerInitiative<bool>) -> Self
    where
        N: FromInput<S>,
    {
        let v = |x: &S| N::from_input(x);
        let mut k = constants(s);
        let staffing = (s.staffing.model == StaffingModel::ServiceLevel).then(|| Rules::of(s));
        // With a headcount path the agent cost is the payroll, at the cost per paid hour.
        let hour_cost = match &staffing {
            Some(rules) => {
                k.today.agent_cost_month = rules.entered_payroll();
                rules.cost_per_paid_hour()
            }
            None => v(&s.baseline.agent_cost_per_hour),
        };
        let (c, o, t) = (&s.chatbot, &s.omnichannel, &s.training);
        let timeline = |initiative: Initiative, ramp: u32, shape: RampShape| {
            let (start, go_live) = s.initiative_months(initiative).unwrap_or((1, 1));
            Timeline {
                on: on[initiative],
                start,
                go_live,
                ramp,
                shape,
            }
        };
        let off = Timeline {
            on: false,
            start: 1,
            go_live: 1,
            ramp: 0,
            shape: RampShape::Linear,
        };
        Run {
            on,
            base: base_amounts(s, k.today.agent_cost_month, hour_cost),
            k,
            timelines: PerInitiative([
                timeline(Initiative::Chatbot, c.ramp_months, c.ramp_shape),
                timeline(Initiative::Omnichannel, o.ramp_months, o.ramp_shape),
                timeline(Initiative::Training, t.ramp_months, t.ramp_shape),
                off,
            ]),
            volume_step: monthly_factor(v(&s.baseline.contact_growth_yearly_pct)),
            price_step: monthly_factor(v(&s.finance.cost_indexation_yearly_pct)),
            retention_delay: s.finance.retention_delay_months,
            staffing,
        }
    }

    /// Which initiatives are live in month `m`: switched on and past their go-live.
    fn live(&self, m: u32) -> PerInitiative<bool> {
        PerInitiative::from_fn(|i| {
            i != Initiative::Custom && self.timelines[i].on && m >= self.timelines[i].go_live
        })
    }

    /// The adoptions of month `m`.
    fn adoptions(&self, m: u32) -> Adoptions<N> {
        let t = &self.timelines;
        let (bot, omni, train) = (
            t[Initiative::Chatbot],
            t[Initiative::Omnichannel],
            t[Initiative::Training],
        );
        let delay = self.retention_delay;
        Adoptions {
            bot: bot.adoption(m),
            omni: omni.adoption(m),
            train: train.adoption(m),
            bot_retention: bot.retention(m, delay),
            omni_retention: omni.retention(m, delay),
            train_retention: train.retention(m, delay),
        }
    }
}

/// The figures of a run that do not change from month to month, at today's volume and prices.
fn constants<S, N: Num + FromInput<S>>(s: &Scenario<S>) -> Constants<N> {
    let v = |x: &S| N::from_input(x);
    let (b, c, o, t) = (&s.baseline, &s.chatbot, &s.omnichannel, &s.training);
    let sixty = N::int(60);
    let aht0 = v(&b.handle_time_minutes);
    let occupancy = v(&b.occupancy_pct).pct();
    let cost_per_hour = v(&b.agent_cost_per_hour);
    let fcr0 = v(&b.fcr_pct).pct();
    let agents = v(&b.agents_fte);
    let contacts0 = v(&b.contacts_per_month);
    let paid_minute = cost_per_hour / (sixty * occupancy);
    Constants {
        today: Today {
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
            agent_cost_month: contacts0 * aht0 * paid_minute,
            agents,
            fte_month_cost: v(&b.hours_per_fte_monthly) * cost_per_hour,
            fte_per_month_cost: {
                let cost = v(&b.hours_per_fte_monthly) * cost_per_hour;
                if cost.is_zero() {
                    N::ZERO
                } else {
                    N::ONE / cost
                }
            },
        },
        bot: BotEffects {
            containment: v(&c.containment_pct).pct(),
            minutes: v(&c.handle_time_saved_minutes),
            failure: v(&c.failure_pct).pct(),
            churn_down: v(&c.churn_reduction_pct).pct(),
            price_per_resolution: v(&c.price_per_resolution),
        },
        omni: OmniEffects {
            fcr_up: v(&o.fcr_improvement_pct).pct(),
            duplicates: v(&o.duplicate_reduction_pct).pct(),
            aht_down: v(&o.aht_reduction_pct).pct(),
            churn_down: v(&o.churn_reduction_pct).pct(),
        },
        train: TrainEffects {
            fcr_up: v(&t.fcr_improvement_pct).pct(),
            aht_down: v(&t.aht_reduction_pct).pct(),
            churn_down: v(&t.churn_reduction_pct).pct(),
            replacements_month: agents * v(&b.attrition_yearly_pct).pct() / N::int(12)
                * v(&t.attrition_reduction_pct).pct()
                * v(&b.replacement_cost_per_agent),
            hidden_pct: v(&t.hidden_cost_pct).pct(),
        },
    }
}

/// The lines a detailed run books, in ledger order: the computed lines of the initiatives
/// switched on, then the custom lines.
fn line_infos<S>(s: &Scenario<S>, on: PerInitiative<bool>) -> Vec<LineInfo> {
    let mut lines: Vec<LineInfo> = LineId::ALL
        .into_iter()
        .filter(|&id| on[id.initiative()] && booked(id, s.staffing.model))
        .map(|id| LineInfo {
            id: LineRef::Model(id),
            initiative: id.initiative(),
            risk: id.risk_class(),
        })
        .collect();
    if on[Initiative::Custom] {
        lines.extend(s.custom.lines.iter().enumerate().map(|(i, line)| LineInfo {
            id: LineRef::Custom(i),
            initiative: Initiative::Custom,
            risk: RiskClass::of_custom(line.kind, line.revenue),
        }));
    }
    lines
}

/// The flows of the last adoptions worked out, kept while the adoptions stay the same: once
/// every ramp-up is over they repeat, so they are worked out again only when an adoption
/// moved (contacts and agent time on the adoptions of the effects on contacts, churn on the
/// later ones of retention).
struct FlowCache<N> {
    volume: Option<([N; 3], Contacts<N>, AgentTime<N>)>,
    churn: Option<([N; 3], Churn<N>)>,
}

impl<N> Default for FlowCache<N> {
    fn default() -> Self {
        FlowCache {
            volume: None,
            churn: None,
        }
    }
}

impl<N: Num> FlowCache<N> {
    fn flows(&mut self, k: &Constants<N>, a: &Adoptions<N>) -> Flows<N> {
        let main = [a.bot, a.omni, a.train];
        let (contacts, time) = match &self.volume {
            Some((prev, c, t)) if *prev == main => (*c, *t),
            _ => {
                let c = contacts(k, a);
                let t = agent_time(k, &c, a);
                self.volume = Some((main, c, t));
                (c, t)
            }
        };
        let later = [a.bot_retention, a.omni_retention, a.train_retention];
        let churn = match &self.churn {
            Some((prev, ch)) if *prev == later => *ch,
            _ => {
                let ch = churn(k, a);
                self.churn = Some((later, ch));
                ch
            }
        };
        Flows {
            contacts,
            time,
            churn,
        }
    }
}

/// Books the month's amounts into `ledger` (every line, with detail) and gives its costs,
/// benefits and revenue-type benefits; the custom costs scaled to what was spent on them.
fn book_month<S, N: Num + FromInput<S>>(
    s: &Scenario<S>,
    run: &Run<N>,
    amounts: &PerLine<N>,
    custom_spent: Option<N>,
    m: u32,
    detail: bool,
    ledger: &mut Ledger<N>,
) -> Result<(N, N, N), Overflow> {
    let v = |x: &S| N::from_input(x);
    let on = |i: Initiative| run.on[i];
    let custom_on = on(Initiative::Custom);
    // Custom costs: the month's planned custom costs, scaled to what was spent.
    let custom_factor = match custom_spent {
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
    // Without detail the totals come straight from the month's amounts (what sampling runs
    // need, many thousand times); with detail every line is booked into its place.
    let (mut cost, mut benefit, mut revenue) = if detail {
        (N::ZERO, N::ZERO, N::ZERO)
    } else {
        totals(amounts, on)
    };
    let months = ledger.horizon_months as usize;
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
            if detail && let Some(slot) = ledger.amounts.get_mut(*line * months + (m as usize - 1))
            {
                *slot = amount;
            }
        }
        if detail {
            *line += 1;
        }
    };
    if detail {
        for id in LineId::ALL
            .into_iter()
            .filter(|&id| on(id.initiative()) && booked(id, s.staffing.model))
        {
            book(amounts[id], id.risk_class(), &mut line);
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
        return Err(overflow_at(amounts, m, |id| on(id.initiative())));
    }
    Ok((cost, benefit, revenue))
}

/// Whether a detailed run books line `id` under a staffing model: the headcount path's costs
/// only with staffing by service level.
pub fn booked(id: LineId, model: StaffingModel) -> bool {
    match model {
        StaffingModel::Simplified => id.nature() != Nature::Headcount,
        StaffingModel::ServiceLevel => true,
    }
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
fn overflow_at<N: Num>(amounts: &PerLine<N>, m: u32, counted: impl Fn(LineId) -> bool) -> Overflow {
    let culprit = LineId::ALL
        .into_iter()
        .find(|&id| counted(id) && !amounts[id].is_valid());
    Overflow {
        figure: culprit.map_or(Figure::MonthTotal, |id| Figure::Line(LineRef::Model(id))),
        month: m,
    }
}
