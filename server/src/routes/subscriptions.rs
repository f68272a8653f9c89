//! The posts of the subscription forms (the pages are the app's: `app::pages::subscribe`,
//! `app::pages::subscription`). Each form posts to its own page's address; a refused form is
//! answered with its page again — every problem listed and by its field, what was typed kept —
//! and a form that worked is redirected (303) to the page that says so.
//!
//! `POST /subscriptions/unsubscribe?token=` is also the `List-Unsubscribe` address of every
//! digest: mail programs post `List-Unsubscribe=One-Click` to it (RFC 8058), with no cookie
//! and no page; repeating it is harmless.

use app::api::subscription::forms::{self, Refusal};
use app::auth::login::ClientAddress;
use app::components::form_errors::PostedForm;
use app::domain::subscription::{SubscriptionForm, subscriber_address};
use app::error::AppError;
use app::mail::MailContext;
use app::model::finder::{FinderQuery, encode};
use axum::Router;
use axum::extract::{Query, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use governor::{DefaultKeyedRateLimiter, Quota};
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

/// Subscription requests per address and per client an hour (a person needs one or two).
const PER_ADDRESS_AN_HOUR: u32 = 3;
const PER_CLIENT_AN_HOUR: u32 = 20;

/// The forms are small; anything larger is not one of them.
const MAX_FORM: usize = 16 * 1024;

#[derive(Clone)]
struct Forms {
    pool: PgPool,
    mail: MailContext,
    /// What every page is rendered with (the pool, the nonce, the demo notice).
    context: Arc<dyn Fn() + Send + Sync>,
    options: LeptosOptions,
    by_address: Arc<DefaultKeyedRateLimiter<String>>,
    by_client: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

/// The routes, for merging with the pages (which answer the same paths' GETs).
pub fn router(
    pool: PgPool,
    mail: MailContext,
    context: Arc<dyn Fn() + Send + Sync>,
    options: LeptosOptions,
) -> Router {
    let hourly = |n: u32| {
        let n = NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
        Quota::with_period(std::time::Duration::from_secs(3600) / n.get())
            .unwrap_or_else(|| Quota::per_hour(n))
            .allow_burst(n)
    };
    let forms = Forms {
        pool,
        mail,
        context,
        options,
        by_address: Arc::new(DefaultKeyedRateLimiter::keyed(hourly(PER_ADDRESS_AN_HOUR))),
        by_client: Arc::new(DefaultKeyedRateLimiter::keyed(hourly(PER_CLIENT_AN_HOUR))),
    };
    Router::new()
        .route("/subscribe", post(subscribe))
        .route("/subscriptions/confirm", post(confirm))
        .route("/subscriptions/manage", post(manage))
        .route("/subscriptions/unsubscribe", post(unsubscribe))
        .with_state(forms)
}

impl Forms {
    /// The page of `parts`' address, rendered with `posted`, answered with `status`.
    async fn page(&self, parts: Parts, posted: PostedForm, status: StatusCode) -> Response {
        let (context, options) = (self.context.clone(), self.options.clone());
        super::form_page::render(context, options, parts, posted, status).await
    }

    /// The page again with a refusal that belongs to no field.
    async fn failed(&self, parts: Parts, form: SubscriptionForm, error: AppError) -> Response {
        let status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
        let posted = PostedForm {
            form,
            failure: Some(error.to_string()),
            ..PostedForm::default()
        };
        self.page(parts, posted, status).await
    }

    async fn refused(&self, parts: Parts, form: SubscriptionForm, refusal: Refusal) -> Response {
        self.refused_with_filter(parts, form, FinderQuery::default(), refusal)
            .await
    }

    async fn refused_with_filter(
        &self,
        parts: Parts,
        form: SubscriptionForm,
        filter: FinderQuery,
        refusal: Refusal,
    ) -> Response {
        match refusal {
            Refusal::Fields(errors) => {
                let posted = PostedForm {
                    form,
                    filter,
                    errors,
                    ..PostedForm::default()
                };
                self.page(parts, posted, StatusCode::UNPROCESSABLE_ENTITY)
                    .await
            }
            Refusal::Failed(error) => self.failed(parts, form, error).await,
        }
    }
}

/// The request's head and its form; `Err` is the answer to a body that is no such form.
async fn read<T: serde::de::DeserializeOwned + Default>(
    request: Request,
) -> (Parts, Result<T, AppError>) {
    let (parts, body) = request.into_parts();
    let form = match axum::body::to_bytes(body, MAX_FORM).await {
        Ok(bytes) => serde_urlencoded::from_bytes(&bytes).map_err(|_| {
            AppError::invalid("The form could not be read. Reload the page and try again.")
        }),
        Err(_) => Err(AppError::invalid("The form is too large.")),
    };
    (parts, form)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct TokenQuery {
    token: String,
}

async fn subscribe(
    State(forms): State<Forms>,
    Query(filter): Query<FinderQuery>,
    request: Request,
) -> Response {
    let client = request.extensions().get::<ClientAddress>().map(|c| c.0);
    let (parts, form) = read::<SubscriptionForm>(request).await;
    let form = match form {
        Ok(form) => form,
        Err(error) => {
            return forms
                .failed(parts, SubscriptionForm::default(), error)
                .await;
        }
    };
    // Every post counts for its client; only a usable address counts for that address, so a
    // mistyped one can be corrected at once.
    let address = subscriber_address(&form.email).ok();
    let allowed = client.is_none_or(|ip| forms.by_client.check_key(&ip).is_ok())
        && address.is_none_or(|address| forms.by_address.check_key(&address).is_ok());
    if !allowed {
        tracing::warn!(client = ?client, "throttled a subscription request");
        let error = AppError::invalid(
            "Too many subscription requests from this connection or for this address. Please \
             try again in an hour.",
        );
        let mut response = forms.failed(parts, form, error).await;
        *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        response.headers_mut().insert(
            header::RETRY_AFTER,
            header::HeaderValue::from_static("3600"),
        );
        return response;
    }
    match forms::request(&forms.pool, &forms.mail, &form, &filter).await {
        Ok(()) => Redirect::to("/subscriptions/sent").into_response(),
        Err(refusal) => forms.refused(parts, form, refusal).await,
    }
}

async fn confirm(
    State(forms): State<Forms>,
    Query(query): Query<TokenQuery>,
    request: Request,
) -> Response {
    let (parts, _) = read::<SubscriptionForm>(request).await;
    match forms::confirm(&forms.pool, &query.token).await {
        Ok(manage) => manage_page(&manage, "confirmed"),
        Err(error) => {
            forms
                .failed(parts, SubscriptionForm::default(), error)
                .await
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct ManageForm {
    #[serde(flatten)]
    fields: SubscriptionForm,
    #[serde(flatten)]
    filter: FinderQuery,
    /// `save`, `pause` or `resume`.
    action: String,
}

async fn manage(
    State(forms): State<Forms>,
    Query(query): Query<TokenQuery>,
    request: Request,
) -> Response {
    let (parts, form) = read::<ManageForm>(request).await;
    let form = match form {
        Ok(form) => form,
        Err(error) => {
            return forms
                .failed(parts, SubscriptionForm::default(), error)
                .await;
        }
    };
    let current =
        match app::db::subscription::by_manage_token(&forms.pool, query.token.trim()).await {
            Ok(Some(current)) => current,
            Ok(None) => {
                return forms
                    .failed(parts, form.fields, app::api::subscription::gone())
                    .await;
            }
            Err(err) => return forms.failed(parts, form.fields, err.into()).await,
        };
    let (paused, notice) = match form.action.as_str() {
        "pause" => (true, "paused"),
        "resume" => (false, "resumed"),
        _ => (current.state == "paused", "saved"),
    };
    match forms::change(
        &forms.pool,
        &query.token,
        &form.fields,
        &form.filter,
        paused,
    )
    .await
    {
        Ok(()) => manage_page(query.token.trim(), notice),
        Err(refusal) => {
            forms
                .refused_with_filter(parts, form.fields, form.filter, refusal)
                .await
        }
    }
}

/// 303 to the manage page, with the notice it shows.
fn manage_page(token: &str, notice: &str) -> Response {
    Redirect::to(&format!(
        "/subscriptions/manage?token={}&notice={notice}",
        encode(token)
    ))
    .into_response()
}

async fn unsubscribe(
    State(forms): State<Forms>,
    Query(query): Query<TokenQuery>,
    request: Request,
) -> Response {
    let (parts, _) = read::<SubscriptionForm>(request).await;
    match forms::unsubscribe(&forms.pool, &query.token).await {
        Ok(()) => {
            let posted = PostedForm {
                done: Some("You are unsubscribed.".into()),
                ..PostedForm::default()
            };
            forms.page(parts, posted, StatusCode::OK).await
        }
        Err(error) => {
            forms
                .failed(parts, SubscriptionForm::default(), error)
                .await
        }
    }
}
