-- Imported documents and the resolutions and paragraphs read from them.

create table document (
    id bigint generated always as identity primary key,
    symbol text not null,
    title text not null,
    -- sha-256 of the imported text: importing the same text twice is a no-op.
    source_sha256 text not null,
    imported_at timestamptz not null default now(),
    constraint document_symbol_key unique (symbol),
    constraint document_symbol_not_blank check (btrim(symbol) <> '')
);

create table resolution (
    id bigint generated always as identity primary key,
    document_id bigint not null references document (id) on delete cascade,
    position integer not null,
    label text not null,
    title text not null,
    -- null when the text does not say which body adopted it.
    adopting_body text,
    constraint resolution_document_label_key unique (document_id, label)
);

create table paragraph (
    id bigint generated always as identity primary key,
    resolution_id bigint not null references resolution (id) on delete cascade,
    position integer not null,
    kind text not null,
    number text,
    text text not null,
    constraint paragraph_resolution_position_key unique (resolution_id, position),
    constraint paragraph_kind_check check (kind in ('preambular', 'operative'))
);

create index paragraph_resolution_id_idx on paragraph (resolution_id);
