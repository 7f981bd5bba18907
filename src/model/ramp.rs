//! How an initiative grows to its full effect after go-live.

use serde::{Deserialize, Serialize};

/// The shape of the ramp-up from no effect to full effect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RampShape {
    /// Equal steps each month.
    Linear,
    /// Slow start, fast middle, slow finish (smoothstep), as adoption usually goes.
    #[default]
    SCurve,
}
