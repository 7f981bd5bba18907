//! Finance metrics from monthly costs and benefits: net, cumulative, discounted, ROI, NPV,
//! IRR, break-even and payback, following the README's "Money and time conventions" (see
//! [`crate::sim`]).

use crate::sim::number::Num;

/// One month of the projection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthFigures<N> {
    /// Month number, 1-based.
    pub month: u32,
    /// Costs booked in the month.
    pub costs: N,
    /// Benefits booked in the month.
    pub benefits: N,
    /// Benefits minus costs.
    pub net: N,
    /// Net of months 1 to this one.
    pub cumulative_net: N,
    /// Net discounted to the start: net / (1 + monthly rate)^month.
    pub discounted_net: N,
    /// ROI over months 1 to this one in percent; none while nothing has been spent.
    pub roi_to_date_pct: Option<N>,
}

/// Why a summary has no IRR, or that the IRR is too large to show as a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IrrNote {
    /// The monthly flows never change sign: no rate makes their present value zero.
    NoSignChange,
    /// The present value is zero at more than one rate, so none is the IRR: how many, and
    /// (up to) the first three, as yearly rates in percent, lowest first.
    Several {
        /// How many rates make the present value zero.
        count: u32,
        /// The first three of them (the rest `NaN`), % a year.
        rates: [f64; 3],
    },
    /// The flows change sign, yet no rate makes their present value zero.
    NoRoot,
    /// The IRR exists but is too large to hold as a number (far above 1000% a year).
    TooLarge,
}

/// The headline figures over the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary<N> {
    /// Sum of costs.
    pub total_costs: N,
    /// Sum of benefits.
    pub total_benefits: N,
    /// The revenue-type part of the benefits (margin of retained customers, revenue lines).
    pub total_revenue: N,
    /// Benefits minus costs.
    pub net_benefit: N,
    /// (benefits − costs) / costs × 100; none when nothing is spent.
    pub roi_pct: Option<N>,
    /// Net present value at the discount rate.
    pub npv: N,
    /// ROI on present values: (PV of benefits − PV of costs) / PV of costs × 100; none when
    /// nothing is spent.
    pub roi_pv_pct: Option<N>,
    /// Internal rate of return, annualised, in percent; none when it does not exist or is not
    /// unique (see `irr_note`).
    pub irr_annual_pct: Option<N>,
    /// Why there is no IRR, or that it is too large to show.
    pub irr_note: Option<IrrNote>,
    /// Modified IRR, annualised, in percent: a spreadsheet's MIRR of the monthly nets (month 1
    /// its period 0) with the finance and the reinvestment rate both the monthly discount
    /// rate. None without both a positive and a negative month.
    pub mirr_annual_pct: Option<N>,
    /// The first month with any cost or benefit; none when nothing happens at all.
    pub first_active_month: Option<u32>,
    /// First month (from the first active month on) whose cumulative net is at least zero;
    /// none within the horizon, or when nothing happens.
    pub break_even_month: Option<u32>,
    /// The first month after break-even in which the cumulative net falls below zero again.
    pub break_even_lost_month: Option<u32>,
    /// Payback in fractional months, counted from the start of the first active month and
    /// interpolated inside the break-even month.
    pub payback_months: Option<N>,
    /// Payback on discounted flows.
    pub discounted_payback_months: Option<N>,
    /// The effective yearly discount rate used, in percent.
    pub discount_rate_annual_pct: N,
}

impl<N: Copy> Summary<N> {
    /// Converts every figure with `f`; `None` if any conversion fails.
    pub fn try_map<M>(&self, f: impl Fn(N) -> Option<M>) -> Option<Summary<M>> {
        let opt = |x: Option<N>| match x {
            Some(x) => f(x).map(Some),
            None => Some(None),
        };
        Some(Summary {
            total_costs: f(self.total_costs)?,
            total_benefits: f(self.total_benefits)?,
            total_revenue: f(self.total_revenue)?,
            net_benefit: f(self.net_benefit)?,
            roi_pct: opt(self.roi_pct)?,
            npv: f(self.npv)?,
            roi_pv_pct: opt(self.roi_pv_pct)?,
            irr_annual_pct: opt(self.irr_annual_pct)?,
            irr_note: self.irr_note,
            mirr_annual_pct: opt(self.mirr_annual_pct)?,
            first_active_month: self.first_active_month,
            break_even_month: self.break_even_month,
            break_even_lost_month: self.break_even_lost_month,
            payback_months: opt(self.payback_months)?,
            discounted_payback_months: opt(self.discounted_payback_months)?,
            discount_rate_annual_pct: f(self.discount_rate_annual_pct)?,
        })
    }
}

/// The factors of the risk adjustment: costs are multiplied by `cost`, savings by `saving`,
/// revenue-type benefits by `revenue`. All one: no risk adjustment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiskFactors<N> {
    /// 1 + cost risk.
    pub cost: N,
    /// 1 − risk on savings.
    pub saving: N,
    /// 1 − risk on revenue.
    pub revenue: N,
}

impl<N: Num> RiskFactors<N> {
    /// No risk adjustment.
    pub fn none() -> Self {
        RiskFactors {
            cost: N::ONE,
            saving: N::ONE,
            revenue: N::ONE,
        }
    }

    /// From the finance settings, in percent.
    pub fn from_pct(cost_risk: N, saving_risk: N, revenue_risk: N) -> Self {
        RiskFactors {
            cost: N::ONE + cost_risk.pct(),
            saving: N::ONE - saving_risk.pct(),
            revenue: N::ONE - revenue_risk.pct(),
        }
    }
}

/// ROI in percent: (benefits − costs) / costs × 100; none when nothing is spent.
pub fn roi_pct<N: Num>(benefits: N, costs: N) -> Option<N> {
    (costs > N::ZERO).then(|| (benefits - costs) / costs * N::int(100))
}

/// The monthly rate equal to an effective yearly rate in percent: (1 + r)^(1/12) − 1.
pub fn monthly_rate<N: Num>(annual_pct: N) -> N {
    (N::ONE + annual_pct.pct()).twelfth_root() - N::ONE
}

/// Tracks break-even and payback over a stream of monthly nets.
///
/// Months before the first month with any cost or benefit (`s`) are idle: an initiative that
/// starts in month 4 breaks even when its own cumulative net turns non-negative, not in
/// month 1, and its payback counts from the start of month 4, so starting later does not
/// lengthen it. When nothing happens at all there is no break-even and no payback.
#[derive(Clone, Copy, Debug)]
struct Payback<N> {
    cumulative: N,
    first_active: Option<u32>,
    found: Option<(u32, N)>,
    lost: Option<u32>,
}

impl<N: Num> Payback<N> {
    fn new() -> Self {
        Payback {
            cumulative: N::ZERO,
            first_active: None,
            found: None,
            lost: None,
        }
    }

    fn push(&mut self, month: u32, net: N, active: bool) {
        let before = self.cumulative;
        self.cumulative = before + net;
        if active && self.first_active.is_none() {
            self.first_active = Some(month);
        }
        let Some(start) = self.first_active else {
            return;
        };
        match self.found {
            None if self.cumulative >= N::ZERO => {
                // (m − s) + (−cumulative(m − 1)) / net(m); the fraction is zero when nothing
                // was owed.
                let fraction = if before < N::ZERO && net > N::ZERO {
                    -before / net
                } else {
                    N::ZERO
                };
                self.found = Some((month, N::int(month - start) + fraction));
            }
            Some(_) if self.lost.is_none() && self.cumulative < N::ZERO => {
                self.lost = Some(month);
            }
            _ => {}
        }
    }
}

/// The factor that discounts a flow by one month at an effective yearly rate in percent:
/// 1 / (1 + monthly rate).
pub fn monthly_discount<N: Num>(annual_pct: N) -> N {
    N::ONE / (N::ONE + monthly_rate(annual_pct))
}

/// Computes the months and the summary from unadjusted monthly costs and benefits, scaling
/// costs by `cost_factor` and benefits by `benefit_factor` (the risk adjustment). With
/// `months_out` the monthly figures are written there too.
pub fn summarize<N: Num>(
    costs: &[N],
    benefits: &[N],
    cost_factor: N,
    benefit_factor: N,
    discount_rate_annual_pct: N,
    months_out: Option<&mut Vec<MonthFigures<N>>>,
) -> Summary<N> {
    let discount = monthly_discount(discount_rate_annual_pct);
    let factors = RiskFactors {
        cost: cost_factor,
        saving: benefit_factor,
        revenue: benefit_factor,
    };
    summarize_discounted(
        &Flows {
            costs,
            benefits,
            revenue: &[],
        },
        factors,
        discount_rate_annual_pct,
        discount,
        months_out,
    )
}

/// Unadjusted monthly flows: costs, benefits, and the revenue-type part of the benefits
/// (empty: none).
#[derive(Clone, Copy, Debug)]
pub struct Flows<'a, N> {
    /// Costs per month (index 0 is month 1).
    pub costs: &'a [N],
    /// Benefits per month, savings and revenue together.
    pub benefits: &'a [N],
    /// The revenue-type part of the benefits per month.
    pub revenue: &'a [N],
}

/// [`summarize`] for flows with a revenue part and their own risk factors, with the monthly
/// discount factor already worked out by [`monthly_discount`] (a fractional power, the
/// slowest step in `Decimal`), for callers that summarize several ledgers at the same rate.
pub fn summarize_discounted<N: Num>(
    flows: &Flows<'_, N>,
    factors: RiskFactors<N>,
    discount_rate_annual_pct: N,
    discount: N,
    mut months_out: Option<&mut Vec<MonthFigures<N>>>,
) -> Summary<N> {
    let mut factor = N::ONE;
    let (mut total_costs, mut total_benefits, mut total_revenue, mut npv) =
        (N::ZERO, N::ZERO, N::ZERO, N::ZERO);
    let mut payback = Payback::new();
    let mut discounted_payback = Payback::new();
    let mut nets = [0.0f64; 128];
    let mut signs = SignChanges::default();
    let mut cumulative_signs = SignChanges::default();
    // The present value of the costs, for the ROI on present values (that of the benefits is
    // then the NPV plus it).
    let mut pv_costs = N::ZERO;
    let horizon = flows.costs.len().min(flows.benefits.len());
    let same_benefit_factors = factors.saving == factors.revenue;
    for (i, (&c, &b)) in flows.costs.iter().zip(flows.benefits).enumerate() {
        let month = i as u32 + 1;
        let revenue = flows.revenue.get(i).copied().unwrap_or(N::ZERO);
        // The unadjusted figures multiply by one: skip the multiplication.
        let c = if factors.cost == N::ONE {
            c
        } else {
            c * factors.cost
        };
        let (b, r) = if same_benefit_factors {
            // One factor for all benefits, as before revenue had its own risk.
            if factors.saving == N::ONE {
                (b, revenue)
            } else {
                (b * factors.saving, revenue * factors.saving)
            }
        } else {
            let r = revenue * factors.revenue;
            ((b - revenue) * factors.saving + r, r)
        };
        let net = b - c;
        factor = factor * discount;
        let discounted_net = net * factor;
        total_costs = total_costs + c;
        total_benefits = total_benefits + b;
        total_revenue = total_revenue + r;
        npv = npv + discounted_net;
        pv_costs = pv_costs + c * factor;
        let active = c != N::ZERO || b != N::ZERO;
        payback.push(month, net, active);
        discounted_payback.push(month, discounted_net, active);
        signs.push(net);
        cumulative_signs.push(payback.cumulative);
        if let Some(slot) = nets.get_mut(i) {
            *slot = net.to_f64();
        }
        if let Some(out) = months_out.as_deref_mut() {
            out.push(MonthFigures {
                month,
                costs: c,
                benefits: b,
                net,
                cumulative_net: payback.cumulative,
                discounted_net,
                roi_to_date_pct: roi_pct(total_benefits, total_costs),
            });
        }
    }
    let nets = &nets[..horizon.min(nets.len())];
    let (irr, irr_note) = match irr_of(nets, signs.changes, cumulative_signs.changes) {
        Ok(r) => {
            let annual = ((1.0 + r).powi(12) - 1.0) * 100.0;
            match Some(N::from_f64(annual)).filter(|v| annual.is_finite() && v.is_valid()) {
                Some(v) => (Some(v), None),
                None => (None, Some(IrrNote::TooLarge)),
            }
        }
        Err(note) => (None, Some(note)),
    };
    // A spreadsheet's MIRR of the monthly nets (month 1 its period 0) at the monthly discount
    // rate i for both: (FV of the gains at the last period ÷ PV of the outlays at period
    // 0)^(1/(n − 1)) − 1 = (1 + i) × (PV gains ÷ PV outlays)^(1/(n − 1)) − 1, the present
    // values being those of the NPV (end of each month); `mirr` is the same from the values.
    let discount_f64 = discount.to_f64();
    let (mut pv_gains, mut pv_outlays, mut d) = (0.0f64, 0.0f64, 1.0f64);
    for &net in nets {
        d *= discount_f64;
        if net > 0.0 {
            pv_gains += net * d;
        } else if net < 0.0 {
            pv_outlays -= net * d;
        }
    }
    let mirr = (pv_gains > 0.0 && pv_outlays > 0.0 && horizon > 1)
        .then(|| (pv_gains / pv_outlays).powf(1.0 / (horizon - 1) as f64) / discount_f64 - 1.0)
        .map(|m| ((1.0 + m).powi(12) - 1.0) * 100.0)
        .filter(|a| a.is_finite())
        .map(N::from_f64)
        .filter(|v| v.is_valid());
    let found = payback.found;
    Summary {
        total_costs,
        total_benefits,
        total_revenue,
        net_benefit: total_benefits - total_costs,
        roi_pct: roi_pct(total_benefits, total_costs),
        npv,
        roi_pv_pct: roi_pct(npv + pv_costs, pv_costs),
        irr_annual_pct: irr,
        irr_note,
        mirr_annual_pct: mirr,
        first_active_month: payback.first_active,
        break_even_month: found.map(|(m, _)| m),
        break_even_lost_month: payback.lost,
        payback_months: found.map(|(_, p)| p),
        discounted_payback_months: discounted_payback.found.map(|(_, p)| p),
        discount_rate_annual_pct,
    }
}

/// Counts how often a stream of numbers changes sign, skipping zeros.
#[derive(Clone, Copy, Debug, Default)]
struct SignChanges {
    last_positive: Option<bool>,
    changes: u32,
}

impl SignChanges {
    fn push<N: Num>(&mut self, x: N) {
        let positive = if x > N::ZERO {
            true
        } else if x < N::ZERO {
            false
        } else {
            return;
        };
        if self.last_positive.is_some_and(|p| p != positive) {
            self.changes += 1;
        }
        self.last_positive = Some(positive);
    }
}

/// The monthly IRR of `nets` (flows at the end of months 1, 2, …), wherever it exists: with one
/// sign change of the monthly nets the present value has exactly one zero (Descartes); with
/// one sign change of the cumulative nets exactly one at a rate of zero or more (Norström);
/// otherwise the present value is scanned for zeros over every rate above −100% a month, and
/// the IRR is the one zero found. Errors say why there is none.
pub fn irr_of(
    nets: &[f64],
    sign_changes: u32,
    cumulative_sign_changes: u32,
) -> Result<f64, IrrNote> {
    if sign_changes == 0 {
        return Err(IrrNote::NoSignChange);
    }
    if sign_changes == 1 {
        // One sign change always has a root; a search that misses it is a number too large
        // for `f64`.
        return irr_monthly(nets).ok_or(IrrNote::TooLarge);
    }
    if cumulative_sign_changes == 1 {
        return irr_search(nets, true).ok_or(IrrNote::TooLarge);
    }
    let roots = npv_zeros(nets);
    match roots.as_slice() {
        [] => Err(IrrNote::NoRoot),
        [one] => Ok(*one),
        several => {
            let mut rates = [f64::NAN; 3];
            for (slot, r) in rates.iter_mut().zip(several) {
                *slot = ((1.0 + r).powi(12) - 1.0) * 100.0;
            }
            Err(IrrNote::Several {
                count: several.len() as u32,
                rates,
            })
        }
    }
}

/// The present value of `nets` at monthly rate `r`, and its derivative.
fn npv_at(nets: &[f64], r: f64) -> (f64, f64) {
    let d = 1.0 / (1.0 + r);
    let (mut f, mut df, mut pow) = (0.0, 0.0, 1.0);
    for (i, &x) in nets.iter().enumerate() {
        pow *= d;
        let t = (i + 1) as f64;
        f += x * pow;
        df -= t * x * pow * d;
    }
    (f, df)
}

/// The rates (monthly, above −100%, lowest first) at which the present value of `nets` is
/// zero: a scan over a grid fine near zero and geometric towards −100% and very large rates,
/// each change of sign refined.
pub fn npv_zeros(nets: &[f64]) -> Vec<f64> {
    let mut grid: Vec<f64> = [1e-12, 1e-9, 1e-6, 1e-4, 1e-3]
        .iter()
        .map(|e| -1.0 + e)
        .collect();
    grid.extend((1..=99).rev().map(|k| -f64::from(k) / 100.0));
    grid.extend((0..=300).map(|k| f64::from(k) / 100.0));
    while let Some(&last) = grid.last()
        && last < 1e15
    {
        grid.push(last * 1.25);
    }
    // The sign where the present value is a number: −1, 0 or 1.
    let sign = |r: f64| {
        let f = npv_at(nets, r).0;
        f.is_finite().then_some(if f > 0.0 {
            1
        } else if f < 0.0 {
            -1
        } else {
            0
        })
    };
    let mut roots = Vec::new();
    for pair in grid.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        match (sign(a), sign(b)) {
            (Some(0), _) => roots.push(a),
            (Some(sa), Some(sb)) if sb != 0 && sa != sb => {
                if let Some(r) = refine(nets, a, b) {
                    roots.push(r);
                }
            }
            _ => {}
        }
    }
    roots.dedup_by(|a, b| (*a - *b).abs() < 1e-9 * b.abs().max(1.0));
    roots
}

/// The modified internal rate of return of `values` at periods 0, 1, …, as a spreadsheet's
/// MIRR: the negative values discounted to period 0 at the `finance` rate, the positive ones
/// carried to the last period at the `reinvest` rate, MIRR = (future value of the positives /
/// −present value of the negatives)^(1/(periods − 1)) − 1. None without both a positive and a
/// negative value.
pub fn mirr(values: &[f64], finance: f64, reinvest: f64) -> Option<f64> {
    let last = values.len().checked_sub(1)?;
    let (mut outlays, mut gains) = (0.0, 0.0);
    for (t, &v) in values.iter().enumerate() {
        if v < 0.0 {
            outlays -= v / (1.0 + finance).powi(t as i32);
        } else if v > 0.0 {
            gains += v * (1.0 + reinvest).powi((last - t) as i32);
        }
    }
    if !(outlays > 0.0 && gains > 0.0) || last == 0 {
        return None;
    }
    Some((gains / outlays).powf(1.0 / last as f64) - 1.0)
}

/// The monthly internal rate of return of flows at the end of months 1, 2, …: the rate at
/// which their present value is zero. None when the flows do not change sign. The search runs
/// outward from zero over every rate above −100% a month, so a very large IRR is found too.
pub fn irr_monthly(nets: &[f64]) -> Option<f64> {
    irr_search(nets, false)
}

/// [`irr_monthly`], the search only over rates of zero and more when `nonnegative`.
fn irr_search(nets: &[f64], nonnegative: bool) -> Option<f64> {
    let has_pos = nets.iter().any(|&x| x > 0.0);
    let has_neg = nets.iter().any(|&x| x < 0.0);
    if !(has_pos && has_neg) || nets.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let npv = |r: f64| npv_at(nets, r);
    // Bracket a root, searching outward from zero: the root nearest zero is the one a
    // spreadsheet's IRR finds from its default guess on ordinary cash flows. Above 1000% a
    // month the rates double up to 10^15; below −99.99% they approach −100%.
    let mut above = vec![0.0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.7, 1.0, 2.0, 4.0, 10.0];
    while let Some(&last) = above.last()
        && last < 1e15
    {
        above.push(last * 2.0);
    }
    let below = [
        0.0,
        -0.02,
        -0.05,
        -0.1,
        -0.2,
        -0.4,
        -0.6,
        -0.8,
        -0.9,
        -0.95,
        -0.99,
        -0.9999,
        -1.0 + 1e-6,
        -1.0 + 1e-9,
        -1.0 + 1e-12,
    ];
    // The sign of the present value, where it is a number: close to −100% the discount
    // factors overflow, and an infinite or undefined value says nothing about a root.
    let sign = |r: f64| Some(npv(r).0).filter(|f| f.is_finite()).map(f64::signum);
    let mut bracket = None;
    for step in 0..above.len().max(below.len()) {
        let sides: &[&[f64]] = if nonnegative {
            &[&above[..]]
        } else {
            &[&above[..], &below[..]]
        };
        for side in sides {
            if let (Some(&a), Some(&b)) = (side.get(step), side.get(step + 1))
                && bracket.is_none()
                && let (Some(sa), Some(sb)) = (sign(a), sign(b))
                && sa != sb
            {
                bracket = Some((a.min(b), a.max(b)));
            }
        }
        if bracket.is_some() {
            break;
        }
    }
    let (lo, hi) = bracket?;
    refine(nets, lo, hi)
}

/// The zero of the present value of `nets` between the monthly rates `lo` and `hi`, where it
/// changes sign: Newton steps kept inside the bracket, falling back to bisection.
fn refine(nets: &[f64], lo: f64, hi: f64) -> Option<f64> {
    let npv = |r: f64| npv_at(nets, r);
    let (mut lo, mut hi) = (lo, hi);
    let f_lo = npv(lo).0;
    if f_lo == 0.0 {
        return Some(lo);
    }
    // Newton steps kept inside the bracket, falling back to bisection.
    let mut r = 0.5 * (lo + hi);
    for _ in 0..400 {
        let (f, df) = npv(r);
        let tolerance = 1e-15 * r.abs().max(1.0);
        if f == 0.0 || (hi - lo).abs() < tolerance {
            return Some(r);
        }
        if f.signum() == f_lo.signum() {
            lo = r
        } else {
            hi = r
        }
        let newton = r - f / df;
        let next = if df != 0.0 && newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if (next - r).abs() < 1e-14 * r.abs().max(1.0) {
            return Some(next);
        }
        r = next;
    }
    Some(r)
}
