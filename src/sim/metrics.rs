//! Finance metrics from monthly costs and benefits: net, cumulative, discounted, ROI, NPV,
//! IRR, break-even and payback, following the conventions in `DOMAIN.md` (see [`crate::sim`]).

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

/// The headline figures over the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary<N> {
    /// Sum of costs.
    pub total_costs: N,
    /// Sum of benefits.
    pub total_benefits: N,
    /// Benefits minus costs.
    pub net_benefit: N,
    /// (benefits − costs) / costs × 100; none when nothing is spent.
    pub roi_pct: Option<N>,
    /// Net present value at the discount rate.
    pub npv: N,
    /// Internal rate of return, annualised, in percent; none when the flows do not change sign.
    pub irr_annual_pct: Option<N>,
    /// First month whose cumulative net is at least zero; none within the horizon.
    pub break_even_month: Option<u32>,
    /// Payback in fractional months, interpolated inside the break-even month.
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
            net_benefit: f(self.net_benefit)?,
            roi_pct: opt(self.roi_pct)?,
            npv: f(self.npv)?,
            irr_annual_pct: opt(self.irr_annual_pct)?,
            break_even_month: self.break_even_month,
            payback_months: opt(self.payback_months)?,
            discounted_payback_months: opt(self.discounted_payback_months)?,
            discount_rate_annual_pct: f(self.discount_rate_annual_pct)?,
        })
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
/// Months before anything happens (no cost, no benefit) do not count as "not negative":
/// an initiative that starts in month 4 breaks even when its own cumulative net turns
/// non-negative, not in month 1.
#[derive(Clone, Copy, Debug)]
struct Payback<N> {
    cumulative: N,
    started: bool,
    found: Option<(u32, N)>,
}

impl<N: Num> Payback<N> {
    fn new() -> Self {
        Payback {
            cumulative: N::ZERO,
            started: false,
            found: None,
        }
    }

    fn push(&mut self, month: u32, net: N, active: bool) {
        let before = self.cumulative;
        self.cumulative = before + net;
        self.started |= active;
        if self.found.is_none() && self.started && self.cumulative >= N::ZERO {
            // (m − 1) + (−cumulative(m − 1)) / net(m); the fraction is zero when nothing was owed.
            let fraction = if before < N::ZERO && net > N::ZERO {
                -before / net
            } else {
                N::ZERO
            };
            self.found = Some((month, N::int(month - 1) + fraction));
        }
    }

    fn finish(self, months: u32) -> Option<(u32, N)> {
        // Nothing ever happened: the cumulative never went negative, so month 1.
        if !self.started && months > 0 {
            return Some((1, N::ZERO));
        }
        self.found
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
    summarize_discounted(
        costs,
        benefits,
        cost_factor,
        benefit_factor,
        discount_rate_annual_pct,
        discount,
        months_out,
    )
}

/// [`summarize`] with the monthly discount factor already worked out by [`monthly_discount`]
/// (a fractional power, the slowest step in `Decimal`), for callers that summarize several
/// ledgers at the same rate.
pub fn summarize_discounted<N: Num>(
    costs: &[N],
    benefits: &[N],
    cost_factor: N,
    benefit_factor: N,
    discount_rate_annual_pct: N,
    discount: N,
    mut months_out: Option<&mut Vec<MonthFigures<N>>>,
) -> Summary<N> {
    let mut factor = N::ONE;
    let (mut total_costs, mut total_benefits, mut npv) = (N::ZERO, N::ZERO, N::ZERO);
    let mut payback = Payback::new();
    let mut discounted_payback = Payback::new();
    let mut nets = [0.0f64; 128];
    let horizon = costs.len().min(benefits.len());
    for (i, (&c, &b)) in costs.iter().zip(benefits).enumerate() {
        let month = i as u32 + 1;
        // The unadjusted figures multiply by one: skip the multiplication.
        let c = if cost_factor == N::ONE {
            c
        } else {
            c * cost_factor
        };
        let b = if benefit_factor == N::ONE {
            b
        } else {
            b * benefit_factor
        };
        let net = b - c;
        factor = factor * discount;
        let discounted_net = net * factor;
        total_costs = total_costs + c;
        total_benefits = total_benefits + b;
        npv = npv + discounted_net;
        let active = c != N::ZERO || b != N::ZERO;
        payback.push(month, net, active);
        discounted_payback.push(month, discounted_net, active);
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
    let months = horizon as u32;
    let found = payback.finish(months);
    let irr = irr_monthly(&nets[..horizon.min(nets.len())])
        .map(|r| (1.0 + r).powi(12) - 1.0)
        .filter(|r| r.is_finite() && r.abs() < 1e12)
        .map(|r| N::from_f64(r * 100.0))
        .filter(|r| r.is_valid());
    Summary {
        total_costs,
        total_benefits,
        net_benefit: total_benefits - total_costs,
        roi_pct: roi_pct(total_benefits, total_costs),
        npv,
        irr_annual_pct: irr,
        break_even_month: found.map(|(m, _)| m),
        payback_months: found.map(|(_, p)| p),
        discounted_payback_months: discounted_payback.finish(months).map(|(_, p)| p),
        discount_rate_annual_pct,
    }
}

/// The monthly internal rate of return of flows at the end of months 1, 2, …: the rate at
/// which their present value is zero. None when the flows do not change sign or no rate
/// between −99.99% and +1000% a month solves it.
pub fn irr_monthly(nets: &[f64]) -> Option<f64> {
    let has_pos = nets.iter().any(|&x| x > 0.0);
    let has_neg = nets.iter().any(|&x| x < 0.0);
    if !(has_pos && has_neg) || nets.iter().any(|x| !x.is_finite()) {
        return None;
    }
    // Present value and its derivative at rate r.
    let npv = |r: f64| -> (f64, f64) {
        let d = 1.0 / (1.0 + r);
        let (mut f, mut df, mut pow) = (0.0, 0.0, 1.0);
        for (i, &x) in nets.iter().enumerate() {
            pow *= d;
            let t = (i + 1) as f64;
            f += x * pow;
            df -= t * x * pow * d;
        }
        (f, df)
    };
    // Bracket a root, searching outward from zero: the root nearest zero is the one a
    // spreadsheet's IRR finds from its default guess on ordinary cash flows.
    let grid = [
        -0.9999, -0.99, -0.95, -0.9, -0.8, -0.6, -0.4, -0.2, -0.1, -0.05, -0.02, 0.0, 0.02, 0.05,
        0.1, 0.2, 0.4, 0.7, 1.0, 2.0, 4.0, 10.0,
    ];
    let zero = grid.iter().position(|&r| r == 0.0)?;
    let mut bracket = None;
    for step in 0..grid.len() {
        for (a, b) in [
            (zero + step, zero + step + 1),
            (zero.wrapping_sub(step + 1), zero.wrapping_sub(step)),
        ] {
            let (Some(&lo), Some(&hi)) = (grid.get(a), grid.get(b)) else {
                continue;
            };
            if bracket.is_none() && npv(lo).0.signum() != npv(hi).0.signum() {
                bracket = Some((lo, hi));
            }
        }
        if bracket.is_some() {
            break;
        }
    }
    let (mut lo, mut hi) = bracket?;
    let f_lo = npv(lo).0;
    if npv(lo).0 == 0.0 {
        return Some(lo);
    }
    // Newton steps kept inside the bracket, falling back to bisection.
    let mut r = 0.5 * (lo + hi);
    for _ in 0..200 {
        let (f, df) = npv(r);
        if f == 0.0 || (hi - lo).abs() < 1e-15 {
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
        if (next - r).abs() < 1e-14 {
            return Some(next);
        }
        r = next;
    }
    Some(r)
}
