//! One resolution (`/resolutions/<id>`): its paragraphs, each mandate clause marked in its
//! operative paragraph and linked to the obligation that tracks it.

use crate::api::get_resolution_text;
use crate::components::error_alert::PageError;
use crate::components::page_data::load;
use crate::components::symbol::SymbolLink;
use crate::model::text::{ParagraphText, ResolutionText};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn ResolutionPage() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    load(async move {
        let text = match id {
            Some(id) => get_resolution_text(id).await,
            None => Err(crate::error::AppError::NotFound(
                "That address names no resolution.".into(),
            )),
        };
        match text {
            Ok(text) => view! { <ResolutionView text /> }.into_any(),
            Err(error) => view! { <PageError error /> }.into_any(),
        }
    })
}

#[component]
fn ResolutionView(text: ResolutionText) -> impl IntoView {
    let title = format!("{} — Mandate Tracker", text.label);
    let finder = format!("/obligations?resolution={}&sort=source", text.id);
    let mandates: usize = text.paragraphs.iter().map(|p| p.mandates.len()).sum();
    view! {
        <Title text=title />
        <p class="count"><SymbolLink symbol=text.document_symbol.clone() /></p>
        <h1>{text.label.clone()}</h1>
        <p class="lede">{text.title.clone()}</p>
        <p>
            {text.adopting_body.clone().map(|b| format!("For adoption by the {b}. "))}
            {format!("{mandates} mandates found. ")}
            <a href=finder>"List this resolution's obligations"</a>
        </p>
        <ol class="paragraphs">
            {text.paragraphs.into_iter().map(|p| view! { <Paragraph paragraph=p /> }).collect_view()}
        </ol>
    }
}

#[component]
fn Paragraph(paragraph: ParagraphText) -> impl IntoView {
    let class = if paragraph.operative {
        "operative"
    } else {
        "preambular"
    };
    let number = paragraph.number.clone().map(|n| format!("{n}. "));
    // The first clause that is found word for word in the paragraph is marked where it stands;
    // every mandate is also listed under the paragraph with its obligation.
    let marked = paragraph
        .mandates
        .iter()
        .find_map(|m| paragraph.text.find(&m.quote).map(|at| (at, m.quote.len())));
    let body = match marked {
        Some((at, len)) => {
            let (before, rest) = paragraph.text.split_at(at);
            let (quote, after) = rest.split_at(len);
            view! { {before.to_string()}<mark>{quote.to_string()}</mark>{after.to_string()} }
                .into_any()
        }
        None => paragraph.text.clone().into_any(),
    };
    let links = (!paragraph.mandates.is_empty()).then(|| {
        view! {
            <ul class="mandates">
                {paragraph
                    .mandates
                    .into_iter()
                    .map(|m| {
                        let status = m.status.map_or("not tracked", |s| s.label());
                        let what = format!("{}: {}", m.addressee, m.quote);
                        match m.obligation_id {
                            Some(id) => view! {
                                <li>
                                    <a href=format!("/obligations/{id}")>{what}</a>
                                    " — " {status}
                                </li>
                            }
                            .into_any(),
                            None => view! { <li>{what}</li> }.into_any(),
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <li class=class>
            <p>{number}{body}</p>
            {links}
        </li>
    }
}
