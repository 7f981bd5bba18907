//! Charts as plain data ([`ChartSpec`]) and their drawing with plotters, as SVG (the report,
//! the HTML, the image export) or PNG (the image export at presentation resolution).
//!
//! The builders read the same `view` series the window draws and use the same colours
//! ([`crate::view::palette`]), so a chart on a slide matches the one on screen. Text is set
//! in the bundled DejaVu Sans ([`super::fonts`]); every size scales with the image width, so a
//! 1920-pixel PNG reads like the 960-pixel SVG.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use thiserror::Error;

use crate::format;
use crate::i18n::t;
use crate::model::Lang;
use crate::report::fonts;
use crate::view::palette::{Rgb, initiative_rgb, scenario_rgb};
use crate::view::uncertainty::{Band, TornadoBar};
use crate::view::{ScenarioView, Series};

/// How the values of the vertical axis read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Axis {
    /// Euros.
    Money,
    /// Percentages.
    Percent,
    /// Plain numbers.
    Number,
}

/// A line over the months.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// Its name in the legend.
    pub name: String,
    /// Its colour.
    pub colour: Rgb,
    /// (month, value).
    pub points: Vec<[f64; 2]>,
    /// Dashed (a median, a reference) rather than solid.
    pub dashed: bool,
    /// Drawn wider (the scenario in focus).
    pub bold: bool,
}

/// A shaded band between two lines over the months (P10 to P90).
#[derive(Clone, Debug, PartialEq)]
pub struct BandSeries {
    /// Its name in the legend.
    pub name: String,
    /// Its colour (drawn light).
    pub colour: Rgb,
    /// (month, lower value).
    pub lower: Vec<[f64; 2]>,
    /// (month, upper value).
    pub upper: Vec<[f64; 2]>,
}

/// Bars, one per month, stacked with the other bar series: positive values upwards from zero,
/// negative ones downwards.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSeries {
    /// Its name in the legend.
    pub name: String,
    /// Its colour.
    pub colour: Rgb,
    /// Benefits per month (index 0 is month 1), drawn above zero.
    pub up: Vec<f64>,
    /// Costs per month as negative numbers, drawn below zero.
    pub down: Vec<f64>,
}

/// A labelled point (break-even).
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// The text beside it.
    pub label: String,
    /// Where it is.
    pub at: [f64; 2],
    /// Its colour.
    pub colour: Rgb,
}

/// What a chart shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Plot {
    /// Figures over the months of the horizon.
    Months {
        /// Months on the axis.
        horizon: u32,
        /// Bands, drawn first.
        bands: Vec<BandSeries>,
        /// Stacked bars.
        bars: Vec<BarSeries>,
        /// Lines, drawn over the bars.
        lines: Vec<Curve>,
        /// Points with a label, drawn last.
        markers: Vec<Marker>,
    },
    /// Horizontal bars around a base value: how far a result moves when one input goes to
    /// its low or high value.
    Tornado {
        /// What the result is, under the axis.
        base_label: String,
        /// The bars, largest first.
        bars: Vec<TornadoBar>,
    },
}

/// A chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Its title.
    pub title: String,
    /// The language of its numbers.
    pub lang: Lang,
    /// How the vertical axis (horizontal, for a tornado) reads.
    pub axis: Axis,
    /// What it shows.
    pub plot: Plot,
}

/// A scenario to draw in a chart of several.
pub struct Shown<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its colour index (the window's order).
    pub colour: usize,
    /// Its series.
    pub series: &'a Series,
    /// Its P10-P90 band, when it has ranges.
    pub band: Option<&'a Band>,
    /// Whether it is the scenario in focus (drawn wider).
    pub focus: bool,
}

/// The main chart: cumulative net of each scenario, its band and its break-even month.
pub fn break_even(shown: &[Shown<'_>], lang: Lang) -> ChartSpec {
    let horizon = shown
        .iter()
        .map(|s| s.series.cumulative.len().saturating_sub(1))
        .max()
        .unwrap_or(0) as u32;
    let mut bands = Vec::new();
    let mut lines = Vec::new();
    let mut markers = Vec::new();
    for s in shown {
        let colour = scenario_rgb(s.colour);
        let single = shown.len() == 1;
        let named = |what: &str| {
            if single {
                what.to_owned()
            } else {
                format!("{} – {what}", s.name)
            }
        };
        if let Some(band) = s.band {
            bands.push(BandSeries {
                name: named(t(
                    lang,
                    "P10–P90 (80% of trials)",
                    "P10–P90 (80% van de trekkingen)",
                )),
                colour,
                lower: band.p10.clone(),
                upper: band.p90.clone(),
            });
            lines.push(Curve {
                name: named(t(lang, "median (P50)", "mediaan (P50)")),
                colour,
                points: band.p50.clone(),
                dashed: true,
                bold: false,
            });
        }
        let name = match s.series.break_even {
            Some([x, _]) => named(&format!(
                "{} {}",
                t(lang, "break-even month", "break-even maand"),
                x as u32
            )),
            None => named(t(lang, "no break-even", "geen break-even")),
        };
        let name = if single {
            format!("{} – {name}", t(lang, "Cumulative net", "Cumulatief netto"))
        } else {
            name
        };
        lines.push(Curve {
            name,
            colour,
            points: s.series.cumulative.clone(),
            dashed: false,
            bold: s.focus || shown.len() == 1,
        });
        if let Some(at) = s.series.break_even {
            markers.push(Marker {
                label: if shown.len() == 1 {
                    format!(
                        "{} {}",
                        t(lang, "Break-even: month", "Break-even: maand"),
                        at[0] as u32
                    )
                } else {
                    format!("{}", at[0] as u32)
                },
                at,
                colour,
            });
        }
    }
    ChartSpec {
        title: t(
            lang,
            "Cumulative net cash flow",
            "Cumulatieve netto kasstroom",
        )
        .to_owned(),
        lang,
        axis: Axis::Money,
        plot: Plot::Months {
            horizon,
            bands,
            bars: Vec::new(),
            lines,
            markers,
        },
    }
}

/// Monthly costs (down) and benefits (up) by initiative, with the net as a line.
pub fn monthly(series: &Series, lang: Lang) -> ChartSpec {
    let horizon = series.cumulative.len().saturating_sub(1) as u32;
    let bars = series
        .bars
        .iter()
        .map(|b| BarSeries {
            name: b.initiative.title().get(lang).to_owned(),
            colour: initiative_rgb(b.initiative),
            up: b.benefits.clone(),
            down: b.costs.clone(),
        })
        .collect();
    let net = series
        .cumulative
        .windows(2)
        .map(|w| [w[1][0], w[1][1] - w[0][1]])
        .collect();
    ChartSpec {
        title: t(
            lang,
            "Costs and benefits per month",
            "Kosten en baten per maand",
        )
        .to_owned(),
        lang,
        axis: Axis::Money,
        plot: Plot::Months {
            horizon,
            bands: Vec::new(),
            bars,
            lines: vec![Curve {
                name: t(lang, "Net", "Netto").to_owned(),
                colour: [0x33, 0x33, 0x33],
                points: net,
                dashed: false,
                bold: false,
            }],
            markers: Vec::new(),
        },
    }
}

/// ROI to date of each scenario.
pub fn roi(shown: &[Shown<'_>], lang: Lang) -> ChartSpec {
    let horizon = shown
        .iter()
        .map(|s| s.series.cumulative.len().saturating_sub(1))
        .max()
        .unwrap_or(0) as u32;
    ChartSpec {
        title: t(lang, "ROI to date", "ROI tot nu toe").to_owned(),
        lang,
        axis: Axis::Percent,
        plot: Plot::Months {
            horizon,
            bands: Vec::new(),
            bars: Vec::new(),
            lines: shown
                .iter()
                .map(|s| Curve {
                    name: s.name.to_owned(),
                    colour: scenario_rgb(s.colour),
                    points: s.series.roi.clone(),
                    dashed: false,
                    bold: s.focus || shown.len() == 1,
                })
                .collect(),
            markers: Vec::new(),
        },
    }
}

/// A KPI chart: cost per contact or agents needed, with and without the initiatives.
pub fn kpi(view: &ScenarioView, which: KpiChart, lang: Lang) -> ChartSpec {
    let horizon = view.kpi.cost_per_contact.len() as u32;
    let with = t(lang, "With the initiatives", "Met de initiatieven").to_owned();
    let without = t(lang, "Without (today)", "Zonder (vandaag)").to_owned();
    let line = |name: String, colour: Rgb, points: &[[f64; 2]], dashed: bool| Curve {
        name,
        colour,
        points: points.to_vec(),
        dashed,
        bold: !dashed,
    };
    let grey = [0x80, 0x80, 0x80];
    let (title, axis, lines) = match which {
        KpiChart::CostPerContact => (
            t(lang, "Cost per contact", "Kosten per contact"),
            Axis::Money,
            vec![
                line(without, grey, &view.kpi.baseline_cost_per_contact, true),
                line(with, scenario_rgb(0), &view.kpi.cost_per_contact, false),
            ],
        ),
        KpiChart::AgentsNeeded => {
            let entered: Vec<[f64; 2]> = (1..=horizon)
                .map(|m| [f64::from(m), view.kpi.agents_entered])
                .collect();
            let mut lines = vec![
                line(without, grey, &view.kpi.baseline_agents_needed, true),
                line(with, scenario_rgb(0), &view.kpi.agents_needed, false),
                line(
                    t(lang, "Headcount entered", "Ingevoerde bezetting").to_owned(),
                    [0xb0, 0x2a, 0x1e],
                    &entered,
                    true,
                ),
            ];
            // With a headcount path: the FTE paid, which follow the workload only as people
            // leave, are hired or let go.
            if !view.kpi.paid_fte.is_empty() {
                lines.push(line(
                    t(lang, "Paid, without", "Betaald, zonder").to_owned(),
                    [0x50, 0x50, 0x50],
                    &view.kpi.baseline_paid_fte,
                    true,
                ));
                lines.push(line(
                    t(
                        lang,
                        "Paid, with the initiatives",
                        "Betaald, met de initiatieven",
                    )
                    .to_owned(),
                    scenario_rgb(1),
                    &view.kpi.paid_fte,
                    false,
                ));
            }
            (
                t(
                    lang,
                    "Agents needed and paid (FTE)",
                    "Benodigde en betaalde agents (fte)",
                ),
                Axis::Number,
                lines,
            )
        }
    };
    ChartSpec {
        title: title.to_owned(),
        lang,
        axis,
        plot: Plot::Months {
            horizon,
            bands: Vec::new(),
            bars: Vec::new(),
            lines,
            markers: Vec::new(),
        },
    }
}

/// Which KPI chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KpiChart {
    /// Cost per contact.
    CostPerContact,
    /// Agents needed in FTE.
    AgentsNeeded,
}

/// The tornado: how far the result moves as each input goes to its low and high value.
pub fn tornado(
    bars: Vec<TornadoBar>,
    title: String,
    base_label: String,
    axis: Axis,
    lang: Lang,
) -> ChartSpec {
    ChartSpec {
        title,
        lang,
        axis,
        plot: Plot::Tornado { base_label, bars },
    }
}

/// A chart could not be drawn.
#[derive(Debug, Error)]
pub enum ChartError {
    /// The plotting library failed.
    #[error("the chart could not be drawn: {0}")]
    Draw(String),
    /// The PNG could not be encoded.
    #[error("the PNG image could not be written: {0}")]
    Png(String),
}

fn draw_err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// The width the sizes below are set for; other widths scale them.
const BASE_WIDTH: f64 = 960.0;

/// Draws `spec` as an SVG document of `width` × `height` pixels.
pub fn svg(spec: &ChartSpec, width: u32, height: u32) -> Result<String, ChartError> {
    fonts::register_for_charts();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(spec, &root, width)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

/// Draws `spec` as a PNG image of `width` × `height` pixels.
pub fn png(spec: &ChartSpec, width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    fonts::register_for_charts();
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        draw(spec, &root, width)?;
        root.present().map_err(draw_err)?;
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ChartError::Png(e.to_string()))?;
        writer
            .write_image_data(&pixels)
            .map_err(|e| ChartError::Png(e.to_string()))?;
    }
    Ok(out)
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c[0], c[1], c[2])
}

/// An axis value as people read it, in the same way as the window's axes.
fn tick(v: f64, step: f64, axis: Axis, lang: Lang) -> String {
    match axis {
        Axis::Money => format::money_tick(v, step, lang),
        Axis::Percent => format::percent_tick(v, step, lang),
        Axis::Number => format::number_tick(v, step, lang),
    }
}

/// A "nice" step (1, 2 or 5 times a power of ten) giving about `count` ticks over `span`.
fn nice_step(span: f64, count: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let raw = span / count;
    let power = 10f64.powf(raw.log10().floor());
    let m = raw / power;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// The smallest and largest value to show, with zero in view and a little room around.
fn value_range(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.06;
    (
        if lo < 0.0 { lo - pad } else { lo },
        if hi > 0.0 { hi + pad } else { hi },
    )
}

fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    root: &DrawingArea<DB, Shift>,
    width: u32,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let scale = f64::from(width) / BASE_WIDTH;
    let px = |v: f64| (v * scale).round().max(1.0) as i32;
    let font = |size: f64| (fonts::FAMILY, size * scale).into_font();
    root.fill(&WHITE).map_err(draw_err)?;
    match &spec.plot {
        Plot::Months {
            horizon,
            bands,
            bars,
            lines,
            markers,
        } => {
            let horizon = (*horizon).max(1);
            // Stacked bar extents, so the axis holds the tallest stack.
            let h = horizon as usize;
            let mut ups = vec![0.0f64; h];
            let mut downs = vec![0.0f64; h];
            for b in bars {
                for i in 0..h {
                    ups[i] += b.up.get(i).copied().unwrap_or(0.0).max(0.0);
                    downs[i] += b.down.get(i).copied().unwrap_or(0.0).min(0.0);
                }
            }
            let values = bands
                .iter()
                .flat_map(|b| b.lower.iter().chain(&b.upper).map(|p| p[1]))
                .chain(lines.iter().flat_map(|l| l.points.iter().map(|p| p[1])))
                .chain(ups.iter().copied())
                .chain(downs.iter().copied());
            let (lo, hi) = value_range(values);
            let step = nice_step(hi - lo, 10.0);
            let axis = spec.axis;
            let lang = spec.lang;
            let x_from = if bars.is_empty() { 0.0 } else { 0.4 };
            let mut chart = ChartBuilder::on(root)
                .caption(&spec.title, font(20.0).style(FontStyle::Bold))
                .margin(px(14.0))
                .x_label_area_size(px(42.0))
                .y_label_area_size(px(92.0))
                .build_cartesian_2d(x_from..f64::from(horizon) + 0.6, lo..hi)
                .map_err(draw_err)?;
            let x_labels = (horizon as usize).min(18) + 1;
            chart
                .configure_mesh()
                .x_labels(x_labels)
                .x_label_formatter(&|v| {
                    if v.fract().abs() < 1e-9 && *v >= 0.0 {
                        format!("{}", *v as i64)
                    } else {
                        String::new()
                    }
                })
                .y_labels(10)
                .y_label_formatter(&|v| tick(*v, step, axis, lang))
                .x_desc(t(lang, "Month", "Maand"))
                .label_style(font(13.0))
                .axis_desc_style(font(13.0))
                .light_line_style(TRANSPARENT)
                .bold_line_style(RGBColor(0xe2, 0xe2, 0xe2))
                .draw()
                .map_err(draw_err)?;
            // Zero line.
            chart
                .draw_series(LineSeries::new(
                    [(x_from, 0.0), (f64::from(horizon) + 0.6, 0.0)],
                    RGBColor(0x88, 0x88, 0x88).stroke_width(px(1.0) as u32),
                ))
                .map_err(draw_err)?;
            for b in bands {
                let c = colour(b.colour);
                let points: Vec<(f64, f64)> = b
                    .upper
                    .iter()
                    .map(|p| (p[0], p[1]))
                    .chain(b.lower.iter().rev().map(|p| (p[0], p[1])))
                    .collect();
                chart
                    .draw_series(std::iter::once(Polygon::new(points, c.mix(0.18).filled())))
                    .map_err(draw_err)?
                    .label(b.name.clone())
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 5), (x + 18, y + 5)], c.mix(0.25).filled())
                    });
            }
            // Bars: each month's benefits stacked up from zero, costs down from zero.
            let mut up_base = vec![0.0f64; h];
            let mut down_base = vec![0.0f64; h];
            for b in bars {
                let c = colour(b.colour);
                let mut rects = Vec::new();
                for i in 0..h {
                    let x = i as f64 + 1.0;
                    let up = b.up.get(i).copied().unwrap_or(0.0).max(0.0);
                    let down = b.down.get(i).copied().unwrap_or(0.0).min(0.0);
                    if up > 0.0 {
                        rects.push(Rectangle::new(
                            [(x - 0.36, up_base[i]), (x + 0.36, up_base[i] + up)],
                            c.filled(),
                        ));
                        up_base[i] += up;
                    }
                    if down < 0.0 {
                        rects.push(Rectangle::new(
                            [(x - 0.36, down_base[i]), (x + 0.36, down_base[i] + down)],
                            c.mix(0.55).filled(),
                        ));
                        down_base[i] += down;
                    }
                }
                chart
                    .draw_series(rects)
                    .map_err(draw_err)?
                    .label(b.name.clone())
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 5), (x + 18, y + 5)], c.filled())
                    });
            }
            for l in lines {
                let c = colour(l.colour);
                let width = px(if l.bold { 3.0 } else { 2.0 }) as u32;
                let style = c.stroke_width(width);
                let points: Vec<(f64, f64)> = l.points.iter().map(|p| (p[0], p[1])).collect();
                let drawn = if l.dashed {
                    chart
                        .draw_series(DashedLineSeries::new(points, px(7.0), px(5.0), style))
                        .map_err(draw_err)?
                } else {
                    chart
                        .draw_series(LineSeries::new(points, style))
                        .map_err(draw_err)?
                };
                drawn.label(l.name.clone()).legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], c.stroke_width(width))
                });
            }
            let right_half = f64::from(horizon) * 0.6;
            for (i, m) in markers.iter().enumerate() {
                let c = colour(m.colour);
                let (x, y) = (m.at[0], m.at[1]);
                chart
                    .draw_series(std::iter::once(Circle::new((x, y), px(6.0), c.filled())))
                    .map_err(draw_err)?;
                // A cumulative line rises through break-even, so above-left and below-right of
                // the point are free: late months take the first, early ones the second; with
                // several markers every other one takes the other side of its own line.
                let late = (x > right_half) != (i % 2 == 1);
                let (dx, anchor_h, dy, anchor_v) = if late {
                    (-px(10.0), HPos::Right, -px(8.0), VPos::Bottom)
                } else {
                    (px(10.0), HPos::Left, px(8.0), VPos::Top)
                };
                let style = font(15.0)
                    .style(FontStyle::Bold)
                    .color(&c)
                    .pos(Pos::new(anchor_h, anchor_v));
                chart
                    .draw_series(std::iter::once(
                        EmptyElement::at((x, y)) + Text::new(m.label.clone(), (dx, dy), style),
                    ))
                    .map_err(draw_err)?;
            }
            let named = !bands.is_empty() || !bars.is_empty() || lines.len() > 1;
            if named {
                chart
                    .configure_series_labels()
                    .position(SeriesLabelPosition::UpperLeft)
                    .label_font(font(12.0))
                    .background_style(WHITE.mix(0.85))
                    .border_style(RGBColor(0xcc, 0xcc, 0xcc))
                    .margin(px(8.0))
                    .draw()
                    .map_err(draw_err)?;
            }
        }
        Plot::Tornado { base_label, bars } => {
            let n = bars.len().max(1) as i32;
            let (lo, hi) = value_range(bars.iter().flat_map(|b| [b.at_low, b.at_high]));
            // A quarter more on each side: room for the inputs' values beside the bars.
            let span = hi.max(-lo).max(1e-9) * 1.25;
            let step = nice_step(2.0 * span, 6.0);
            let axis = spec.axis;
            let lang = spec.lang;
            let labels: Vec<String> = bars.iter().map(|b| b.label.clone()).collect();
            // Row i from the top sits in segment n − 1 − i, so the largest swing is on top.
            let row_of = |segment: i32| (n - 1 - segment) as usize;
            let mut chart = ChartBuilder::on(root)
                .caption(&spec.title, font(20.0).style(FontStyle::Bold))
                .margin(px(14.0))
                .x_label_area_size(px(46.0))
                .y_label_area_size(px(330.0))
                .build_cartesian_2d(-span..span, (0..n).into_segmented())
                .map_err(draw_err)?;
            chart
                .configure_mesh()
                .disable_y_mesh()
                .light_line_style(TRANSPARENT)
                .bold_line_style(RGBColor(0xe2, 0xe2, 0xe2))
                .x_labels(((2.0 * span) / step).round() as usize + 1)
                .x_label_formatter(&|v| {
                    let text = tick(v.abs(), step, axis, lang);
                    if *v > 0.0 {
                        format!("+{text}")
                    } else if *v < 0.0 {
                        format!("−{text}")
                    } else {
                        text
                    }
                })
                .y_labels(n as usize)
                .y_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(segment) => {
                        labels.get(row_of(*segment)).cloned().unwrap_or_default()
                    }
                    _ => String::new(),
                })
                .x_desc(base_label.as_str())
                .label_style(font(12.0))
                .axis_desc_style(font(13.0))
                .draw()
                .map_err(draw_err)?;
            let low_colour = colour(crate::view::palette::sign_rgb(false));
            let high_colour = colour(crate::view::palette::sign_rgb(true));
            let mut rects = Vec::new();
            for segment in 0..n {
                let Some(b) = bars.get(row_of(segment)) else {
                    continue;
                };
                // A bar leaves a gap to its neighbours.
                let gap = px(5.0) as u32;
                for (value, c) in [(b.at_low, low_colour), (b.at_high, high_colour)] {
                    let mut bar = Rectangle::new(
                        [
                            (0.0, SegmentValue::Exact(segment)),
                            (value, SegmentValue::Exact(segment + 1)),
                        ],
                        c.mix(0.85).filled(),
                    );
                    bar.set_margin(gap, gap, 0, 0);
                    rects.push(bar);
                }
            }
            chart.draw_series(rects).map_err(draw_err)?;
            // Each bar's input value at its outer end.
            for segment in 0..n {
                let Some(b) = bars.get(row_of(segment)) else {
                    continue;
                };
                for (value, text) in [(b.at_low, &b.low_value), (b.at_high, &b.high_value)] {
                    let (dx, h) = if value < 0.0 {
                        (-px(4.0), HPos::Right)
                    } else {
                        (px(4.0), HPos::Left)
                    };
                    let style = font(11.0).color(&BLACK).pos(Pos::new(h, VPos::Center));
                    chart
                        .draw_series(std::iter::once(
                            EmptyElement::at((value, SegmentValue::CenterOf(segment)))
                                + Text::new(text.clone(), (dx, 0), style),
                        ))
                        .map_err(draw_err)?;
                }
            }
            let key = [
                (
                    t(lang, "input at its low value", "invoer op lage waarde"),
                    low_colour,
                ),
                (
                    t(lang, "input at its high value", "invoer op hoge waarde"),
                    high_colour,
                ),
            ];
            for (label, c) in key {
                chart
                    .draw_series(std::iter::empty::<Rectangle<(f64, SegmentValue<i32>)>>())
                    .map_err(draw_err)?
                    .label(label)
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 5), (x + 18, y + 5)], c.filled())
                    });
            }
            chart
                .configure_series_labels()
                .position(SeriesLabelPosition::LowerRight)
                .label_font(font(12.0))
                .background_style(WHITE.mix(0.85))
                .border_style(RGBColor(0xcc, 0xcc, 0xcc))
                .draw()
                .map_err(draw_err)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(nice_step(100.0, 5.0), 20.0);
        assert_eq!(nice_step(1_000_000.0, 6.0), 200_000.0);
        assert_eq!(nice_step(7.0, 6.0), 2.0);
    }

    #[test]
    fn money_ticks_read_per_language() {
        assert_eq!(tick(-50_000.0, 10_000.0, Axis::Money, Lang::En), "-€50,000");
        assert_eq!(
            tick(-50_000.0, 10_000.0, Axis::Money, Lang::Nl),
            "€ -50.000"
        );
        assert_eq!(tick(1_500_000.0, 500_000.0, Axis::Money, Lang::En), "€1.5m");
        assert_eq!(
            tick(1_500_000.0, 500_000.0, Axis::Money, Lang::Nl),
            "€ 1,5 mln"
        );
        assert_eq!(tick(12.5, 0.5, Axis::Percent, Lang::Nl), "12,5%");
    }
}
