//! The overview's charts as SVG, drawn on the server with `charts-rs` (server build only: the
//! browser receives finished markup, never this code). Every label is a body code, a session
//! number, a date or a status word; `charts-rs` escapes text all the same.

use charts_rs::{BarChart, Color, HorizontalBarChart, LineChart, Series};

/// The Okabe–Ito palette: told apart with the common colour-vision deficiencies.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];
const WIDTH: f32 = 640.0;
const HEIGHT: f32 = 360.0;

/// The SVG, or nothing (the figure's table still shows the numbers) with the cause logged.
fn drawn<E: std::fmt::Display>(svg: Result<String, E>) -> String {
    svg.unwrap_or_else(|error| {
        tracing::error!(%error, "a chart could not be drawn");
        String::new()
    })
}

fn palette() -> Vec<Color> {
    PALETTE.iter().map(|&hex| Color::from(hex)).collect()
}

/// Bars per category, the series stacked on each other, with a legend.
pub fn stacked_bars(categories: Vec<String>, series: Vec<(String, Vec<f32>)>) -> String {
    let series = series
        .into_iter()
        .map(|(name, values)| {
            let mut one = Series::new(name, values);
            one.stack = Some("all".into());
            one
        })
        .collect();
    let mut chart = BarChart::new(series, categories);
    chart.width = WIDTH;
    chart.height = HEIGHT;
    chart.series.colors = palette();
    drawn(chart.svg())
}

/// One line through the points, labelled with their values.
pub fn line(name: &str, categories: Vec<String>, values: Vec<f32>) -> String {
    let mut one = Series::new(name.to_owned(), values);
    one.label_show = true;
    let mut chart = LineChart::new(vec![one], categories);
    chart.width = WIDTH;
    chart.height = HEIGHT;
    chart.series.colors = palette();
    chart.legend.show = Some(false);
    drawn(chart.svg())
}

/// One horizontal bar per category, labelled with its value.
pub fn horizontal_bars(name: &str, categories: Vec<String>, values: Vec<f32>) -> String {
    let mut one = Series::new(name.to_owned(), values);
    one.label_show = true;
    let mut chart = HorizontalBarChart::new(vec![one], categories);
    chart.width = WIDTH;
    chart.height = HEIGHT.min(80.0 + 40.0 * chart.x_axis.data.len().max(1) as f32);
    chart.series.colors = palette();
    chart.legend.show = Some(false);
    drawn(chart.svg())
}
