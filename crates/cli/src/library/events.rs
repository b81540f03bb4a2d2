//! `parallax events …`: create, rename, note, delete, add/remove articles, list, show, propose.

use std::process::ExitCode;

use clap::Subcommand;
use parallax_service::events;
use parallax_store::{Event, ListQuery, Store};
use serde_json::json;

use super::output::{article_line, counted, print_json};

#[derive(Debug, Subcommand)]
pub enum EventsCommand {
    /// Create an event.
    Create {
        /// Its title, e.g. "Lake Varnu flood".
        name: String,
    },
    /// Add articles to an event.
    Add {
        event_id: i64,
        #[arg(required = true)]
        article_ids: Vec<i64>,
    },
    /// Take articles out of an event (they stay in the library).
    Remove {
        event_id: i64,
        #[arg(required = true)]
        article_ids: Vec<i64>,
    },
    /// List the events with their article counts.
    List,
    /// Show an event and its articles.
    Show { id: i64 },
    /// Rename an event.
    Rename { id: i64, name: String },
    /// Set an event's notes (an empty text clears them).
    Notes { id: i64, notes: String },
    /// Delete an event (its articles stay in the library).
    Delete { id: i64 },
    /// Propose events for the articles in none: groups that cover one event (by their names,
    /// numbers, meaning and dates). With --create, each proposal becomes an event.
    Propose {
        /// Create the proposed events (titled after each group's earliest article).
        #[arg(long)]
        create: bool,
    },
}

pub async fn run(store: &Store, command: EventsCommand, json: bool) -> anyhow::Result<ExitCode> {
    match command {
        EventsCommand::Create { name } => {
            print_event(&store.create_event(&name).await?, "created", json)?
        }
        EventsCommand::Rename { id, name } => {
            print_event(&store.rename_event(id, &name, None).await?, "renamed", json)?
        }
        EventsCommand::Notes { id, notes } => {
            print_event(
                &store.set_event_notes(id, Some(&notes), None).await?,
                "updated",
                json,
            )?;
        }
        EventsCommand::Propose { create } => {
            let proposals = events::propose_events(store).await?;
            let created = if create {
                events::create_proposed(store, &proposals).await?
            } else {
                Vec::new()
            };
            if json {
                let proposals: Vec<_> = proposals
                    .iter()
                    .map(|proposal| {
                        let ids: Vec<i64> = proposal.articles.iter().map(|a| a.id).collect();
                        json!({ "title": proposal.title, "article_ids": ids })
                    })
                    .collect();
                print_json(&json!({ "proposals": proposals, "created": created }))?;
            } else if proposals.is_empty() {
                say!("no articles in no event cover one event together");
            } else {
                for (i, proposal) in proposals.iter().enumerate() {
                    let ids: Vec<String> = proposal
                        .articles
                        .iter()
                        .map(|article| article.id.to_string())
                        .collect();
                    match created.get(i) {
                        Some(event) => {
                            say!("created {}: articles {}", event_line(event), ids.join(" "))
                        }
                        None => say!("“{}”: articles {}", proposal.title, ids.join(" ")),
                    }
                }
                if !create {
                    note!("`parallax events propose --create` makes them events (titles can be changed with `events rename`)");
                }
            }
        }
        EventsCommand::Add {
            event_id,
            article_ids,
        } => {
            let added = store.add_to_event(event_id, &article_ids).await?;
            let event = store.event(event_id).await?;
            if json {
                print_json(&json!({ "added": added, "event": event }))?;
            } else {
                say!("added {added} to {}", event_line(&event));
            }
        }
        EventsCommand::Remove {
            event_id,
            article_ids,
        } => {
            let removed = store.remove_from_event(event_id, &article_ids).await?;
            let event = store.event(event_id).await?;
            if json {
                print_json(&json!({ "removed": removed, "event": event }))?;
            } else {
                say!("removed {removed} from {}", event_line(&event));
            }
        }
        EventsCommand::List => {
            let events = store.list_events().await?;
            if json {
                print_json(&events)?;
            } else if events.is_empty() {
                note!("no events");
            } else {
                for event in &events {
                    say!("{}", event_line(event));
                }
            }
        }
        EventsCommand::Show { id } => {
            let event = store.event(id).await?;
            let articles = store
                .list_articles(&ListQuery {
                    event_id: Some(id),
                    ..ListQuery::default()
                })
                .await?;
            if json {
                print_json(&json!({ "event": event, "articles": articles }))?;
            } else {
                say!("{}", event_line(&event));
                if let Some(notes) = &event.notes {
                    say!("  {notes}");
                }
                for article in &articles {
                    say!("  {}", article_line(article));
                }
            }
        }
        EventsCommand::Delete { id } => {
            let event = store.event(id).await?;
            store.delete_event(id).await?;
            if json {
                print_json(&json!({ "deleted": id, "title": event.title }))?;
            } else {
                say!("deleted event #{id}  {}", event.title);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_event(event: &Event, verb: &str, json: bool) -> anyhow::Result<()> {
    if json {
        print_json(event)
    } else {
        say!("{verb} event #{}  {}", event.id, event.title);
        Ok(())
    }
}

/// `event #3  Lake Varnu flood  (5 articles)`.
fn event_line(event: &Event) -> String {
    let articles = counted(event.article_count, "article");
    format!("event #{}  {}  ({articles})", event.id, event.title)
}
