//! Synthetic data at UN scale, for benchmarks (`mandate-tracker demo generate`): ten bodies with
//! twenty sessions each (2015–2034), and documents, resolutions, operative paragraphs, one
//! mandate per paragraph and one obligation per mandate, as many as asked for. Deterministic
//! (`setseed`), written in one transaction by PostgreSQL itself (`generate_series`), so 100,000
//! obligations take seconds, not an import of 100,000 paragraphs through the extractor.

use crate::error::AppError;

/// Resolutions per document, and at most how many resolutions in all (2,000 for 100,000
/// obligations: 50 operative paragraphs each).
const RESOLUTIONS_PER_DOCUMENT: i64 = 10;
const PARAGRAPHS_PER_RESOLUTION: i64 = 50;

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    pub bodies: i64,
    pub sessions: i64,
    pub resolutions: i64,
    pub obligations: i64,
}

/// Adds `obligations` synthetic obligations (with their documents, resolutions, paragraphs and
/// mandates) and the ten `GEN` bodies with their sessions, if missing. Refuses to run twice.
pub async fn generate(pool: &sqlx::PgPool, obligations: i64) -> Result<Generated, AppError> {
    if !(1..=2_000_000).contains(&obligations) {
        return Err(AppError::invalid(
            "Generate between 1 and 2,000,000 obligations.",
        ));
    }
    let resolutions = (obligations + PARAGRAPHS_PER_RESOLUTION - 1) / PARAGRAPHS_PER_RESOLUTION;
    let documents = (resolutions + RESOLUTIONS_PER_DOCUMENT - 1) / RESOLUTIONS_PER_DOCUMENT;
    let mut tx = pool.begin().await?;
    let done = sqlx::query_scalar!("select count(*) from document where symbol like 'GEN/%'")
        .fetch_one(&mut *tx)
        .await?;
    if done.unwrap_or(0) > 0 {
        return Err(AppError::Conflict(
            "This database already has generated data; use a fresh one.".into(),
        ));
    }
    sqlx::query!("select setseed(0.42)")
        .execute(&mut *tx)
        .await?;
    let bodies = sqlx::query!(
        "insert into body (code, name, kind, submission_lead_weeks, issuance_lead_weeks,
                           cadence_years)
         select format('GEN%s', lpad(b::text, 2, '0')), format('Generated Commission %s', b),
                'commission', 10, 6, 1
           from generate_series(1, 10) b
         on conflict do nothing"
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    let sessions = sqlx::query!(
        "insert into session (body_id, number, label, opens_on, closes_on, venue, state)
         select b.id, n, format('session %s', n),
                make_date(2014 + n, 1 + (b.id % 11)::int, 10),
                make_date(2014 + n, 1 + (b.id % 11)::int, 14), 'New York',
                case when make_date(2014 + n, 1 + (b.id % 11)::int, 10) < current_date
                     then 'held' else 'planned' end
           from body b cross join generate_series(1, 20) n
          where b.code like 'GEN%'
         on conflict do nothing"
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    sqlx::query!(
        "insert into document (symbol, title, source_sha256, extractor_version)
         select format('GEN/%s', d), format('Generated report %s', d), format('generated-%s', d), 0
           from generate_series(1, $1::bigint) d",
        documents
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "insert into resolution (document_id, position, label, title, adopting_body)
         select d.id, p, format('%s/%s', substr(d.symbol, 5), p),
                format('Generated resolution %s on %s', p, (array['crime prevention', 'drug control',
                       'cybercrime', 'corruption', 'trafficking in persons', 'firearms',
                       'victims of crime', 'criminal justice reform'])[1 + (random() * 7)::int]),
                'General Assembly'
           from document d cross join generate_series(1, $1::bigint) p
          where d.symbol like 'GEN/%'
          order by d.id, p
          limit $2",
        RESOLUTIONS_PER_DOCUMENT,
        resolutions
    )
    .execute(&mut *tx)
    .await?;
    // Paragraph text: 30 words drawn from the vocabulary of real resolutions, the common ones
    // often and the subject words rarely, as in real texts (the word at rank k of 100 is drawn
    // with a probability that falls with k: `power(random(), 2.5)`). "cooperation" is in about
    // half of the paragraphs, "cybercrime" in about one in nine.
    sqlx::query!(
        "insert into paragraph (resolution_id, position, kind, number, text)
         select r.id, p, 'operative', p::text,
                'Requests the ' || (array['Secretary-General', 'United Nations Office on Drugs and Crime',
                    'Executive Director', 'Secretariat'])[1 + (random() * 3)::int] || ' to ' ||
                (select string_agg((array['report', 'Member States', 'implementation',
                    'cooperation', 'international', 'session', 'resolution', 'Commission',
                    'support', 'continue', 'present', 'national', 'information', 'strengthen',
                    'technical assistance', 'prevention', 'regional', 'programmes', 'data',
                    'progress', 'mandate', 'General Assembly', 'criminal justice', 'crime',
                    'capacity-building', 'recommendations', 'challenges', 'good practices',
                    'Economic and Social Council', 'extrabudgetary resources', 'research', 'study',
                    'expert group', 'meeting', 'organized', 'coordination', 'partnerships',
                    'civil society', 'private sector', 'training', 'legislation', 'policies',
                    'strategies', 'evaluation', 'monitoring', 'guidelines', 'standards', 'norms',
                    'rule of law', 'human rights', 'gender', 'youth', 'children', 'women',
                    'victims', 'witnesses', 'prisons', 'alternatives to imprisonment', 'police',
                    'prosecution', 'courts', 'legal aid', 'extradition', 'mutual legal assistance',
                    'asset recovery', 'money-laundering', 'terrorism', 'financing', 'firearms',
                    'trafficking', 'migrants', 'smuggling', 'corruption', 'bribery', 'drugs',
                    'precursors', 'illicit crops', 'alternative development', 'wildlife',
                    'forest products', 'fisheries', 'cultural property', 'falsified medicines',
                    'maritime piracy', 'kidnapping', 'violence', 'homicide', 'hate crime',
                    'sport', 'education', 'urban safety', 'statistics', 'surveys', 'forensics',
                    'cybercrime', 'electronic evidence', 'online abuse', 'cryptocurrency',
                    'artificial intelligence', 'climate change'])
                    [1 + floor(100 * power(random(), 2.5))::int], ' ')
                   -- `+ 0 * p` ties the words to the row, so each paragraph gets its own.
                   from generate_series(1, 30 + 0 * p) g)
           from resolution r cross join generate_series(1, $1::bigint) p
           join document d on d.id = r.document_id
          where d.symbol like 'GEN/%'",
        PARAGRAPHS_PER_RESOLUTION
    )
    .execute(&mut *tx)
    .await?;
    // One mandate per paragraph (the first `obligations` of them), 60 % of them reports.
    sqlx::query!(
        "insert into mandate (resolution_id, paragraph_id, key, position, paragraph_number, verb,
                              addressee, action, is_reporting, target_body, target_session,
                              quote)
         select p.resolution_id, p.id, format('gen-%s', p.id), p.position, p.number, 'Requests',
                split_part(substr(p.text, 14), ' to ', 1),
                case when random() < 0.6 then 'report' else 'other' end, false,
                format('Generated Commission %s', 1 + p.resolution_id % 10),
                1 + (random() * 19)::int, left(p.text, 200)
           from paragraph p
           join resolution r on r.id = p.resolution_id
           join document d on d.id = r.document_id
          where d.symbol like 'GEN/%'
          order by p.id
          limit $1",
        obligations
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!("update mandate set is_reporting = (action = 'report') where key like 'gen-%'")
        .execute(&mut *tx)
        .await?;
    let obligations = sqlx::query!(
        "insert into obligation (mandate_id, target_body, body_id, target_session, status, kind,
                                 session_id)
         select m.id, m.target_body, b.id, m.target_session,
                case when not m.is_reporting then 'ongoing'
                     else (array['pending', 'pending', 'pending', 'in_preparation', 'submitted',
                                 'issued', 'considered', 'deferred'])[1 + (random() * 7)::int]
                end,
                case when m.is_reporting then 'report' else 'activity' end,
                -- A continuing activity is due at no session, as an imported one.
                case when m.is_reporting then s.id end
           from mandate m
           join body b on b.name = m.target_body
           left join session s on s.body_id = b.id and s.number = m.target_session
          where m.key like 'gen-%'"
    )
    .execute(&mut *tx)
    .await?
    .rows_affected() as i64;
    tx.commit().await?;
    Ok(Generated {
        bodies,
        sessions,
        resolutions,
        obligations,
    })
}
