-- One-off facts about this installation, such as whether the demo content was ever loaded (so
-- that deleting the demo article does not bring it back on the next start).
create table gazette_meta (
    key        text        primary key,
    value      text        not null,
    updated_at timestamptz not null default now()
);
