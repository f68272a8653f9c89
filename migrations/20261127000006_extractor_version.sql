-- Which version of the extractor read a document. An unchanged text is re-read when the
-- extractor has changed since, so improvements reach documents imported before them.
alter table document add column extractor_version integer not null default 0;
