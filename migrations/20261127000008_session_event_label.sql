-- The session's label as it was when the change was made, so a timeline shows the name the
-- session had then even after it is renamed. Older events fall back to the current label.
alter table session_event add column label text;
