//! The month-by-month ledger: every cost and benefit line of every switched-on initiative.
//!
//! Written once, generic over [`Num`]: `Exact` (checked `Decimal`) for the ledger people
//! read, `f64` for sampling. The formulas are documented in [`crate::sim`].

use thiserror::Error;

use crate::model::{Initiative, LineKind, RampShape, Scenario, Timing};
use crate::sim::lines::LineId;
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

/// The unadjusted ledger of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger<N> {
    /// Months in the run.
    pub horizon_months: u32,
    /// The lines, in ledger order; empty when the run kept totals only.
    pub lines: Vec<(LineRef, Initiative, LineKind)>,
    /// Line amounts, line by line, each `horizon_months` long.
    pub amounts: Vec<N>,
    /// Total costs per month (index 0 is month 1).
    pub costs: Vec<N>,
    /// Total benefits per month.
    pub benefits: Vec<N>,
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

/// The share of the full effect an initiative has in month `m`.
fn adoption<N: Num>(m: u32, start: u32, implementation: u32, ramp: u32, shape: RampShape) -> N {
    let go_live = start.saturating_add(implementation);
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

/// Figures of a run that do not change from month to month.
struct Constants<N> {
    issues: N,
    fcr0: N,
    aht0: N,
    churn0: N,
    saved_minute: N,
    price_per_resolution: N,
    replacements_month: N,
    omni_fcr_up: N,
    train_fcr_up: N,
    omni_duplicates: N,
    containment: N,
    omni_aht_down: N,
    train_aht_down: N,
    bot_churn_down: N,
    omni_churn_down: N,
    train_churn_down: N,
}

/// What a month's adoptions give: the flows that do not depend on the months before.
#[derive(Clone, Copy)]
struct Flows<N> {
    bot_fees: N,
    time_bot: N,
    time_omni: N,
    time_train: N,
    replacements: N,
    churn_bot: N,
    churn_omni: N,
    churn_train: N,
    stay: N,
}

/// The volume, handle-time and churn chain for one set of adoptions (see the module docs).
fn month_flows<N: Num>(k: &Constants<N>, a_bot: N, a_omni: N, a_train: N) -> Flows<N> {
    // Contact volume, step by step: better first-contact resolution (omnichannel, then
    // training), fewer duplicates (omnichannel), then the bot takes its share of what is left.
    let fcr1 = (k.fcr0 * (N::ONE + a_omni * k.omni_fcr_up)).min(N::ONE);
    let fcr2 = (fcr1 * (N::ONE + a_train * k.train_fcr_up)).min(N::ONE);
    let after_fcr = k.issues * (N::int(2) - fcr2);
    let duplicates = after_fcr * a_omni * k.omni_duplicates;
    let after_duplicates = after_fcr - duplicates;
    let bot_resolved = after_duplicates * a_bot * k.containment;
    let agent_contacts = after_duplicates - bot_resolved;
    // Handle time of what agents still handle: omnichannel first, then training.
    let aht_omni = k.aht0 * a_omni * k.omni_aht_down;
    let aht_train = (k.aht0 - aht_omni) * a_train * k.train_aht_down;
    let minutes_bot = bot_resolved * k.aht0;
    let minutes_omni =
        (k.issues * (fcr1 - k.fcr0) + duplicates) * k.aht0 + agent_contacts * aht_omni;
    let minutes_train = k.issues * (fcr2 - fcr1) * k.aht0 + agent_contacts * aht_train;

    // Churn, step by step: chatbot, omnichannel, training each take their share off.
    let churn_bot = k.churn0 * a_bot * k.bot_churn_down;
    let churn1 = k.churn0 - churn_bot;
    let churn_omni = churn1 * a_omni * k.omni_churn_down;
    let churn2 = churn1 - churn_omni;
    let churn_train = churn2 * a_train * k.train_churn_down;
    let churn3 = churn2 - churn_train;
    Flows {
        bot_fees: bot_resolved * k.price_per_resolution,
        time_bot: minutes_bot * k.saved_minute,
        time_omni: minutes_omni * k.saved_minute,
        time_train: minutes_train * k.saved_minute,
        replacements: a_train * k.replacements_month,
        churn_bot,
        churn_omni,
        churn_train,
        stay: N::ONE - churn3,
    }
}

/// Computes the ledger of `s` over its horizon, counting the initiatives in `mask` that the
/// scenario has switched on. With `keep_lines` false only the monthly totals are kept.
pub fn run<S, N>(s: &Scenario<S>, mask: Mask, keep_lines: bool) -> Result<Ledger<N>, Overflow>
where
    N: Num + FromInput<S>,
{
    let v = |x: &S| N::from_input(x);
    let h = s.finance.horizon_months;
    let on = |i: Initiative| mask.has(i) && s.is_enabled(i);
    let (bot_on, omni_on, train_on, custom_on) = (
        on(Initiative::Chatbot),
        on(Initiative::Omnichannel),
        on(Initiative::Training),
        on(Initiative::Custom),
    );

    // Baseline figures, fixed for the run.
    let b = &s.baseline;
    let sixty = N::int(60);
    let aht0 = v(&b.handle_time_minutes);
    let occupancy = v(&b.occupancy_pct).pct();
    let cost_per_hour = v(&b.agent_cost_per_hour);
    let fcr0 = v(&b.fcr_pct).pct();
    let agents = v(&b.agents_fte);
    let customers = v(&b.active_customers);
    let margin = v(&b.margin_per_customer_monthly);
    let churn0 = v(&b.churn_monthly_pct).pct();
    let issues = v(&b.contacts_per_month) / (N::int(2) - fcr0);
    let paid_minute = cost_per_hour / (sixty * occupancy);
    let saved_minute = paid_minute * v(&s.finance.realisation_pct).pct();
    let agent_cost_month = v(&b.contacts_per_month) * aht0 * paid_minute;
    let dip_cost =
        |weeks: &S, pct: &S| agent_cost_month * v(pct).pct() * v(weeks) * months_per_week();

    let c = &s.chatbot;
    let o = &s.omnichannel;
    let t = &s.training;
    let bot_go_live = c.start_month.saturating_add(c.implementation_months);
    let omni_go_live = o.start_month.saturating_add(o.implementation_months);
    let train_go_live = t.start_month.saturating_add(t.implementation_months);
    let bot_hidden = v(&c.setup_cost) * v(&c.hidden_cost_pct).pct();
    let omni_hidden = v(&o.setup_cost) * v(&o.hidden_cost_pct).pct();
    let course = v(&t.cost_per_agent) * agents;
    let trainers = v(&t.trainer_days) * v(&t.trainer_day_rate);
    let hours_off = v(&t.hours_off_phone_per_agent) * agents * cost_per_hour;
    let train_hidden = (course + trainers + hours_off) * v(&t.hidden_cost_pct).pct();
    let replacements_month = agents * v(&b.attrition_yearly_pct).pct() / N::int(12)
        * v(&t.attrition_reduction_pct).pct()
        * v(&b.replacement_cost_per_agent);
    // Ratios and amounts that do not change from month to month, worked out once.
    let omni_fcr_up = v(&o.fcr_improvement_pct).pct();
    let train_fcr_up = v(&t.fcr_improvement_pct).pct();
    let omni_duplicates = v(&o.duplicate_reduction_pct).pct();
    let containment = v(&c.containment_pct).pct();
    let omni_aht_down = v(&o.aht_reduction_pct).pct();
    let train_aht_down = v(&t.aht_reduction_pct).pct();
    let bot_churn_down = v(&c.churn_reduction_pct).pct();
    let omni_churn_down = v(&o.churn_reduction_pct).pct();
    let train_churn_down = v(&t.churn_reduction_pct).pct();
    let bot_dip = dip_cost(&c.dip_weeks, &c.dip_pct);
    let omni_dip = dip_cost(&o.dip_weeks, &o.dip_pct);
    let omni_licence = v(&o.licence_per_seat_monthly) * agents;

    let mut lines: Vec<(LineRef, Initiative, LineKind)> = Vec::new();
    if keep_lines {
        for id in LineId::ALL {
            if on(id.initiative()) {
                lines.push((LineRef::Model(id), id.initiative(), id.kind()));
            }
        }
        if custom_on {
            for (i, line) in s.custom.lines.iter().enumerate() {
                lines.push((LineRef::Custom(i), Initiative::Custom, line.kind));
            }
        }
    }
    let months = h as usize;
    let mut amounts = vec![N::ZERO; lines.len() * months];
    let mut costs = Vec::with_capacity(months);
    let mut benefits = Vec::with_capacity(months);

    // Customers kept per initiative so far; each keeps paying margin until it churns.
    let mut retained = [N::ZERO; 3];
    let mut last: Option<([N; 3], Flows<N>)> = None;
    let k = Constants {
        issues,
        fcr0,
        aht0,
        churn0,
        saved_minute,
        price_per_resolution: v(&c.price_per_resolution),
        replacements_month,
        omni_fcr_up,
        train_fcr_up,
        omni_duplicates,
        containment,
        omni_aht_down,
        train_aht_down,
        bot_churn_down,
        omni_churn_down,
        train_churn_down,
    };

    for m in 1..=h {
        let adopt = |on: bool, start, implementation, ramp, shape| -> N {
            if on {
                adoption(m, start, implementation, ramp, shape)
            } else {
                N::ZERO
            }
        };
        let a_bot = adopt(
            bot_on,
            c.start_month,
            c.implementation_months,
            c.ramp_months,
            c.ramp_shape,
        );
        let a_omni = adopt(
            omni_on,
            o.start_month,
            o.implementation_months,
            o.ramp_months,
            o.ramp_shape,
        );
        let a_train = adopt(
            train_on,
            t.start_month,
            t.implementation_months,
            t.ramp_months,
            t.ramp_shape,
        );

        // The month's flows depend only on the three adoptions; once every ramp-up is over
        // they repeat, so they are worked out again only when an adoption moved.
        let adoptions = [a_bot, a_omni, a_train];
        let f = match &last {
            Some((prev, flows)) if *prev == adoptions => *flows,
            _ => {
                let flows = month_flows(&k, a_bot, a_omni, a_train);
                last = Some((adoptions, flows));
                flows
            }
        };
        for (kept, drop) in retained
            .iter_mut()
            .zip([f.churn_bot, f.churn_omni, f.churn_train])
        {
            *kept = *kept * f.stay + customers * drop;
        }

        let when = |cond: bool, x: N| if cond { x } else { N::ZERO };
        let row = [
            when(m == c.start_month, v(&c.setup_cost)),
            when(m == c.start_month, bot_hidden),
            when(m >= c.start_month, v(&c.licence_monthly)),
            when(m >= bot_go_live, v(&c.maintenance_monthly)),
            f.bot_fees,
            when(m == bot_go_live, bot_dip),
            f.time_bot,
            retained[0] * margin,
            when(m == o.start_month, v(&o.setup_cost)),
            when(m == o.start_month, omni_hidden),
            when(m >= o.start_month, omni_licence),
            when(m == omni_go_live, omni_dip),
            f.time_omni,
            retained[1] * margin,
            when(m == t.start_month, course),
            when(m == t.start_month, trainers),
            when(m == t.start_month, hours_off),
            when(m == t.start_month, train_hidden),
            when(m >= train_go_live, v(&t.refresher_monthly)),
            f.time_train,
            f.replacements,
            retained[2] * margin,
        ];

        let mut cost = N::ZERO;
        let mut benefit = N::ZERO;
        let mut line = 0usize;
        let mut book = |amount: N, kind: LineKind, line: &mut usize| {
            // Most lines are zero most months (one-off costs, initiatives not live yet).
            if !amount.is_zero() {
                match kind {
                    LineKind::Cost => cost = cost + amount,
                    LineKind::Benefit => benefit = benefit + amount,
                }
                if keep_lines && let Some(slot) = amounts.get_mut(*line * months + (m as usize - 1))
                {
                    *slot = amount;
                }
            }
            if keep_lines {
                *line += 1;
            }
        };
        for (id, amount) in LineId::ALL.iter().zip(row) {
            if on(id.initiative()) {
                book(amount, id.kind(), &mut line);
            }
        }
        if custom_on {
            for l in &s.custom.lines {
                book(custom_amount(l.timing, v(&l.amount), m), l.kind, &mut line);
            }
        }
        if !(cost.is_valid() && benefit.is_valid()) {
            return Err(overflow_at(s, &lines, &amounts, &row, m, keep_lines));
        }
        costs.push(cost);
        benefits.push(benefit);
    }
    Ok(Ledger {
        horizon_months: h,
        lines,
        amounts,
        costs,
        benefits,
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

/// Names the first line that could not be computed in month `m`.
fn overflow_at<S, N: Num>(
    s: &Scenario<S>,
    lines: &[(LineRef, Initiative, LineKind)],
    amounts: &[N],
    row: &[N],
    m: u32,
    keep_lines: bool,
) -> Overflow {
    let h = s.finance.horizon_months as usize;
    let culprit = if keep_lines {
        lines.iter().enumerate().find_map(|(i, (line, ..))| {
            let bad = amounts
                .get(i * h + m as usize - 1)
                .is_some_and(|a| !a.is_valid());
            bad.then(|| line_name(s, *line))
        })
    } else {
        LineId::ALL
            .iter()
            .zip(row)
            .find(|(_, a)| !a.is_valid())
            .map(|(id, _)| id.title().en.to_owned())
    };
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
