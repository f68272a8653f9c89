//! `/import` (editors): upload a document or paste its text, and the drafts and documents
//! waiting for review; `/import/drafts/<id>`: a draft's text, editable, with the preview of what
//! the extractor finds in it, and the import. Plain forms; the preview is the server's until the
//! browser's live one takes over.

use crate::api::import::{DiscardDraft, DraftPage, SaveDraft, get_draft, list_imports};
use crate::components::dates::day;
use crate::components::error_alert::{PageError, last_error};
use crate::components::form_errors::{ErrorSummary, FieldMessage, PostedForm, message_of};
use crate::components::page_data::load;
use crate::domain::upload::RefusedImport;
use crate::model::review::ImportListing;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// What the file input accepts (the server checks the bytes, not the name).
const ACCEPTED: &str = ".pdf,.docx,.xml,.akn,.txt,application/pdf,text/plain,application/xml,\
                        application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[component]
pub fn ImportPage() -> impl IntoView {
    view! {
        <Title text="Import a document — Mandate Tracker" />
        <h1>"Import a document"</h1>
        {load(async move {
            match list_imports().await {
                Ok(listing) => view! { <UploadForm /> <Listing listing /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

/// The upload form, with the refused upload's problems and typed values when there is one.
#[component]
fn UploadForm() -> impl IntoView {
    let refused = use_context::<RefusedImport>().unwrap_or_default();
    let errors = refused.errors.clone();
    let summary = (!errors.is_empty()).then(|| PostedForm {
        errors: errors.clone(),
        ..PostedForm::default()
    });
    let message = |field: &str| message_of(&errors, field);
    let described = |field: &'static str, hint: &'static str| {
        let error = message(field).map(|_| format!(" {field}-error"));
        format!("{hint}{}", error.unwrap_or_default())
    };
    let text = html_escape::encode_text(&refused.text).into_owned();
    view! {
        <ErrorSummary posted=summary />
        <p class="lede">
            "Upload a resolution or a session report, or paste its text. You will see what the \
             extractor finds before anything is stored; the mandates then wait for review."
        </p>
        <form method="post" action="/import" enctype="multipart/form-data" class="stacked">
            <label for="symbol">"Document symbol"</label>
            <p class="hint" id="symbol-hint">
                "As printed on the document, for example E/2019/30 or A/RES/77/237."
            </p>
            <FieldMessage message=message("symbol") field="symbol" />
            <input
                id="symbol"
                name="symbol"
                value=refused.symbol.clone()
                required
                autocomplete="off"
                aria-describedby=described("symbol", "symbol-hint")
            />
            <label for="adopted_on">"Adoption date (optional)"</label>
            <FieldMessage message=message("adopted_on") field="adopted_on" />
            <input
                id="adopted_on"
                name="adopted_on"
                type="date"
                value=refused.adopted_on.clone()
                aria-describedby=described("adopted_on", "")
            />
            <fieldset>
                <legend>"The text"</legend>
                <label for="file">"Upload a file"</label>
                <p class="hint" id="file-hint">
                    "PDF with a text layer, Word (.docx), Akoma Ntoso XML or plain text; at most \
                     25 MB."
                </p>
                <FieldMessage message=message("file") field="file" />
                <input
                    id="file"
                    name="file"
                    type="file"
                    accept=ACCEPTED
                    aria-describedby=described("file", "file-hint")
                />
                <label for="text">"Or paste the text"</label>
                <FieldMessage message=message("text") field="text" />
                <textarea id="text" name="text" rows="8" aria-describedby=described("text", "")>
                    {text}
                </textarea>
            </fieldset>
            <button type="submit">"Upload and preview"</button>
        </form>
    }
}

#[component]
fn Listing(listing: ImportListing) -> impl IntoView {
    let drafts = (!listing.drafts.is_empty()).then(|| {
        let items = listing
            .drafts
            .into_iter()
            .map(|d| {
                let text = format!(
                    "{} (from {}, last edited {})",
                    d.symbol,
                    d.source_name,
                    day(d.updated_at.date_naive())
                );
                view! { <li><a href=format!("/import/drafts/{}", d.id)>{text}</a></li> }
            })
            .collect_view();
        view! {
            <h2>"Your drafts, not imported yet"</h2>
            <ul>{items}</ul>
        }
    });
    let review = if listing.awaiting_review.is_empty() {
        view! { <p>"No document has mandates waiting for review."</p> }.into_any()
    } else {
        let items = listing
            .awaiting_review
            .into_iter()
            .map(|d| {
                let what = if d.proposed == 1 {
                    "mandate"
                } else {
                    "mandates"
                };
                let doubts = match d.doubtful {
                    0 => String::new(),
                    n => format!(" ({n} to check first)"),
                };
                let text = format!(
                    "Review {}: {} proposed {what}{doubts}",
                    d.symbol, d.proposed
                );
                view! {
                    <li>
                        <a href=format!("/review/{}", d.id)>{text}</a>
                        <span class="hint">{format!(" — {}", d.title)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    };
    view! {
        {drafts}
        <h2>"Waiting for review"</h2>
        {review}
    }
}

#[component]
pub fn DraftPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let save = ServerAction::<SaveDraft>::new();
    let discard = ServerAction::<DiscardDraft>::new();
    view! {
        {move || last_error(save.value().get())}
        {move || last_error(discard.value().get())}
        {load(async move {
            let page = match id {
                Some(id) => get_draft(id).await,
                None => Err(crate::error::AppError::NotFound("That address names no draft.".into())),
            };
            match page {
                Ok(page) => view! { <DraftView page save discard /> }.into_any(),
                Err(error) => view! { <PageError error /> }.into_any(),
            }
        })}
    }
}

#[component]
fn DraftView(
    page: DraftPage,
    save: ServerAction<SaveDraft>,
    discard: ServerAction<DiscardDraft>,
) -> impl IntoView {
    let draft = page.draft;
    // The sessions the browser's live preview dates reports by (public/import-preview.js).
    let calendar = serde_json_string(&page.calendar);
    let preview = match crate::extract::extract(&draft.text) {
        Ok(extraction) => {
            let (html, counts) = crate::domain::preview::render_html(&extraction, &page.calendar);
            let summary = crate::domain::preview::summary(&counts);
            view! {
                <p id="preview-counts" aria-live="polite">{summary}</p>
                <div id="preview" class="preview" data-calendar=calendar inner_html=html></div>
            }
            .into_any()
        }
        Err(_) => view! {
            <p id="preview-counts" class="field-error" aria-live="polite">
                {crate::domain::upload::NO_RESOLUTION}
            </p>
            <div id="preview" class="preview" data-calendar=calendar></div>
        }
        .into_any(),
    };
    let replaces = page.replaces.map(|stored| {
        let text = format!(
            "{} is already in the tracker: {} ({} resolutions, {} tracked mandates). Importing \
             replaces its text: what the new text no longer has is retired, decisions made on \
             what it still has are kept, and its new mandates wait for review.",
            draft.symbol, stored.title, stored.resolutions, stored.tracked
        );
        view! {
            <div class="notice warning" role="note">
                <p>{text}</p>
                <p><a href=format!("/review/{}", stored.id)>"See the stored document's mandates"</a></p>
            </div>
        }
    });
    let title = format!("Preview of {} — Mandate Tracker", draft.symbol);
    let text = html_escape::encode_text(&draft.text).into_owned();
    let source = format!("From {} ({}).", draft.source_name, draft.source_format);
    view! {
        <Title text=title />
        <p class="count"><a href="/import">"Import a document"</a></p>
        <h1>{format!("Preview of {}", draft.symbol)}</h1>
        <p class="lede">
            {source}
            " Nothing is stored until you import it. Correct the text below if the file's text \
             came out wrong, then update the preview."
        </p>
        {replaces}
        <div class="preview-layout">
            <ActionForm action=save attr:class="stacked" attr:id="draft-form">
                <input type="hidden" name="draft_id" value=draft.id />
                <label for="symbol">"Document symbol"</label>
                <input id="symbol" name="symbol" value=draft.symbol.clone() required />
                <label for="adopted_on">"Adoption date (optional)"</label>
                <input
                    id="adopted_on"
                    name="adopted_on"
                    type="date"
                    value=draft.adopted_on.map(|d| d.to_string()).unwrap_or_default()
                />
                <label for="text">"Text"</label>
                <textarea id="text" name="text" rows="24" spellcheck="false">{text}</textarea>
                <div class="buttons">
                    <button type="submit" name="intent" value="preview" class="secondary">
                        "Update the preview"
                    </button>
                    <button type="submit" name="intent" value="import">
                        "Import as proposed mandates"
                    </button>
                </div>
            </ActionForm>
            <section aria-labelledby="preview-heading">
                <h2 id="preview-heading">"What the extractor finds"</h2>
                <p class="hint" id="preview-live" hidden>
                    "The preview follows your edits as you type; save them with either button."
                </p>
                {preview}
            </section>
        </div>
        <ActionForm action=discard>
            <input type="hidden" name="draft_id" value=draft.id />
            <button type="submit" class="secondary">"Discard this draft"</button>
        </ActionForm>
        <script type="module" src="/import-preview.js" nonce=leptos::nonce::use_nonce()></script>
    }
}

/// The calendar as the live preview reads it; "[]" (no dates) if it cannot be written.
fn serde_json_string(calendar: &[crate::domain::preview::KnownSession]) -> String {
    #[cfg(feature = "ssr")]
    {
        serde_json::to_string(calendar).unwrap_or_else(|_| "[]".into())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = calendar;
        "[]".into()
    }
}
