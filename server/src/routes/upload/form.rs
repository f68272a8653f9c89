//! The upload form as it arrives: its fields read from the multipart body (the file at most
//! [`MAX_UPLOAD_BYTES`]), and why an upload is refused.

use super::UPLOAD_BODY_BYTES;
use crate::document_text::Refusal;
use app::domain::upload::MAX_UPLOAD_BYTES;
use axum::extract::Request;
use axum::extract::multipart::{Field, Multipart, MultipartError, MultipartRejection};
use axum::http::StatusCode;

/// What the form sent.
#[derive(Default)]
pub struct Posted {
    pub symbol: String,
    pub adopted_on: String,
    pub text: String,
    pub file_name: String,
    pub file: Vec<u8>,
}

/// Why an upload was refused: the field, the message, the status.
pub struct Problem {
    pub field: &'static str,
    pub message: String,
    pub status: StatusCode,
}

impl Problem {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Problem {
            field,
            message: message.into(),
            status: StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    pub fn too_large() -> Self {
        Problem {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            ..Problem::new(
                "file",
                Refusal::TooLarge {
                    bytes: UPLOAD_BODY_BYTES,
                }
                .to_string(),
            )
        }
    }
}

impl From<Refusal> for Problem {
    fn from(refusal: Refusal) -> Self {
        let status = match refusal {
            Refusal::TooLarge { .. } | Refusal::ZipBomb | Refusal::PdfBomb => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            Refusal::Unsupported { .. } | Refusal::LegacyOffice => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        Problem {
            status,
            ..Problem::new("file", refusal.to_string())
        }
    }
}

/// Reads the form's fields into `posted` (what was read stays there when a field fails).
pub async fn read(request: Request, posted: &mut Posted) -> Result<(), Problem> {
    let mut form = <Multipart as axum::extract::FromRequest<()>>::from_request(request, &())
        .await
        .map_err(|err: MultipartRejection| {
            Problem::new(
                "file",
                format!("The form could not be read ({err}). Try again."),
            )
        })?;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(()),
            Err(err) => return Err(body_problem(&err)),
        };
        match field.name().unwrap_or_default() {
            "file" => {
                posted.file_name = field.file_name().unwrap_or_default().to_owned();
                posted.file = bytes(field, MAX_UPLOAD_BYTES).await?;
            }
            "symbol" => posted.symbol = text(field).await?,
            "adopted_on" => posted.adopted_on = text(field).await?,
            "text" => posted.text = text(field).await?,
            _ => {}
        }
    }
}

fn body_problem(err: &MultipartError) -> Problem {
    if err.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Problem::too_large()
    } else {
        Problem::new(
            "file",
            "The upload was cut short. Choose the file and try again.",
        )
    }
}

async fn bytes(mut field: Field<'_>, limit: usize) -> Result<Vec<u8>, Problem> {
    let mut out = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if out.len() + chunk.len() > limit {
                    return Err(Problem::too_large());
                }
                out.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(out),
            Err(err) => return Err(body_problem(&err)),
        }
    }
}

async fn text(field: Field<'_>) -> Result<String, Problem> {
    let bytes = bytes(field, app::extract::MAX_INPUT_BYTES).await?;
    String::from_utf8(bytes).map_err(|_| Problem::new("text", "The text is not valid UTF-8."))
}
