//! Drawing the ranged inputs: each from its own distribution, then, when correlations are
//! declared, reordered by the Iman-Conover method so the draws have the declared rank
//! correlations (see [`crate::analysis`] for the method).

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Pert, StandardNormal, Triangular, Uniform};
use rust_decimal::prelude::ToPrimitive;

use crate::analysis::AnalysisError;
use crate::model::uncertainty::{cholesky, score_correlation};
use crate::model::{Scenario, Shape, Target};

/// A ranged input, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct RangedInput {
    /// What it sets in a scenario.
    pub target: Target,
    /// Its path, as files name it.
    pub path: String,
    /// The lowest value.
    pub low: f64,
    /// The likely value: the input's own value.
    pub likely: f64,
    /// The highest value.
    pub high: f64,
    /// The distribution.
    pub shape: Shape,
}

impl RangedInput {
    /// Draws `n` values in a row from `rng`.
    fn draw(&self, rng: &mut ChaCha8Rng, n: usize) -> Vec<f64> {
        let (low, high) = (self.low, self.high);
        let likely = self.likely.clamp(low, high);
        let values: Vec<f64> = if high <= low {
            vec![low; n]
        } else {
            match self.shape {
                Shape::Triangular => match Triangular::new(low, high, likely) {
                    Ok(d) => d.sample_iter(&mut *rng).take(n).collect(),
                    Err(_) => vec![likely; n],
                },
                Shape::Pert => match Pert::new(low, high).with_mode(likely) {
                    Ok(d) => d.sample_iter(&mut *rng).take(n).collect(),
                    Err(_) => vec![likely; n],
                },
                Shape::Uniform => match Uniform::new_inclusive(low, high) {
                    Ok(d) => d.sample_iter(&mut *rng).take(n).collect(),
                    Err(_) => vec![likely; n],
                },
            }
        };
        if self.target.whole() {
            values.into_iter().map(f64::round).collect()
        } else {
            values
        }
    }
}

/// The ranged inputs of a scenario, in the order of their paths.
pub fn ranged_inputs(s: &Scenario) -> Vec<RangedInput> {
    let f = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(0.0);
    s.estimates()
        .map(|(path, e)| RangedInput {
            target: e.target,
            path: path.to_owned(),
            low: f(e.low),
            likely: f(e.likely),
            high: f(e.high),
            shape: e.shape,
        })
        .collect()
}

/// The declared correlations as (column, column, rank correlation).
pub fn correlation_pairs(s: &Scenario, inputs: &[RangedInput]) -> Vec<(usize, usize, f64)> {
    let column = |path: &str| inputs.iter().position(|i| i.path == path);
    s.correlations
        .iter()
        .filter_map(|(a, b, rho)| Some((column(a)?, column(b)?, rho.to_f64()?)))
        .collect()
}

/// `n` draws of every input, column by column (`[input][trial]`), from `seed`, with the
/// declared rank correlations imposed.
pub fn draw(
    inputs: &[RangedInput],
    correlations: &[(usize, usize, f64)],
    n: usize,
    seed: u64,
) -> Result<Vec<Vec<f64>>, AnalysisError> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut columns: Vec<Vec<f64>> = inputs.iter().map(|i| i.draw(&mut rng, n)).collect();
    if !correlations.is_empty() && inputs.len() > 1 && n > 2 {
        // Only the inputs that take part in a correlation are reordered; the others are
        // independent as drawn.
        let mut involved: Vec<usize> = correlations.iter().flat_map(|&(a, b, _)| [a, b]).collect();
        involved.sort_unstable();
        involved.dedup();
        let local = |i: usize| involved.iter().position(|&x| x == i).unwrap_or(0);
        let pairs: Vec<(usize, usize, f64)> = correlations
            .iter()
            .map(|&(a, b, rho)| (local(a), local(b), rho))
            .collect();
        let mut subset: Vec<Vec<f64>> = involved
            .iter()
            .map(|&i| std::mem::take(&mut columns[i]))
            .collect();
        iman_conover(&mut subset, &pairs, &mut rng)?;
        for (&i, column) in involved.iter().zip(subset) {
            columns[i] = column;
        }
    }
    Ok(columns)
}

/// Reorders each column so the columns have the target rank correlations.
fn iman_conover(
    columns: &mut [Vec<f64>],
    correlations: &[(usize, usize, f64)],
    rng: &mut ChaCha8Rng,
) -> Result<(), AnalysisError> {
    let k = columns.len();
    let n = columns.first().map_or(0, Vec::len);
    let p = cholesky(&score_correlation(k, correlations)).ok_or(AnalysisError::Correlations)?;
    // Independent normal scores, one column per input.
    let scores: Vec<Vec<f64>> = (0..k)
        .map(|_| StandardNormal.sample_iter(&mut *rng).take(n).collect())
        .collect();
    // Their actual correlation, and its Cholesky factor Q.
    let means: Vec<f64> = scores
        .iter()
        .map(|c| c.iter().sum::<f64>() / n as f64)
        .collect();
    let mut e = vec![vec![0.0; k]; k];
    for a in 0..k {
        for b in 0..=a {
            let cov: f64 = scores[a]
                .iter()
                .zip(&scores[b])
                .map(|(x, y)| (x - means[a]) * (y - means[b]))
                .sum();
            e[a][b] = cov;
            e[b][a] = cov;
        }
    }
    let sd: Vec<f64> = (0..k).map(|a| e[a][a].sqrt()).collect();
    for a in 0..k {
        for b in 0..k {
            e[a][b] /= sd[a] * sd[b];
        }
    }
    // M = (P · Q⁻¹)ᵀ, so scores × M have the target correlation. With fewer trials than
    // correlated inputs the scores' own correlation is singular; then the scores are taken as
    // uncorrelated (Q = I), which still gives the target correlation on average.
    let q_inv = match cholesky(&e) {
        Some(q) => lower_inverse(&q),
        None => (0..k)
            .map(|i| (0..k).map(|j| if i == j { 1.0 } else { 0.0 }).collect())
            .collect(),
    };
    let mut m = vec![vec![0.0; k]; k];
    for (i, row) in m.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            // (P · Q⁻¹)[j][i]
            *cell = (0..k).map(|t| p[j][t] * q_inv[t][i]).sum();
        }
    }
    for (j, column) in columns.iter_mut().enumerate() {
        let target: Vec<f64> = (0..n)
            .map(|r| (0..k).map(|i| scores[i][r] * m[i][j]).sum())
            .collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_unstable_by(|&x, &y| target[x].total_cmp(&target[y]));
        let mut sorted = column.clone();
        sorted.sort_unstable_by(f64::total_cmp);
        for (rank, &trial) in order.iter().enumerate() {
            column[trial] = sorted[rank];
        }
    }
    Ok(())
}

/// The inverse of a lower triangular matrix.
fn lower_inverse(l: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let k = l.len();
    let mut inv = vec![vec![0.0; k]; k];
    for i in 0..k {
        inv[i][i] = 1.0 / l[i][i];
        for j in 0..i {
            let sum: f64 = (j..i).map(|t| l[i][t] * inv[t][j]).sum();
            let value = -sum / l[i][i];
            if let Some(cell) = inv[i].get_mut(j) {
                *cell = value;
            }
        }
    }
    inv
}

/// The Spearman rank correlation of two samples (ties broken by position), for tests and
/// checks.
pub fn rank_correlation(a: &[f64], b: &[f64]) -> f64 {
    let ranks = |v: &[f64]| {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&x, &y| v[x].total_cmp(&v[y]));
        let mut r = vec![0.0; v.len()];
        for (rank, &i) in order.iter().enumerate() {
            r[i] = rank as f64;
        }
        r
    };
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    let mean = (n - 1.0) / 2.0;
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - mean) * (y - mean);
        va += (x - mean).powi(2);
        vb += (y - mean).powi(2);
    }
    cov / (va * vb).sqrt()
}
