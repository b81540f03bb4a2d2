//! `list`, `search`, `show`, `edit`, `rm`, `restore`, `purge` and `outlets`.

use std::process::ExitCode;

use parallax_service::articles;
use parallax_store::{ListQuery, MetadataUpdate, Store};
use serde_json::json;

use super::output::{article_line, counted, highlighted, print_json, title_and_outlet};
use super::{order, EditArgs, ListArgs};
use crate::out::visible;

pub async fn list(store: &Store, args: &ListArgs, json: bool) -> anyhow::Result<ExitCode> {
    let query = ListQuery {
        sort: args.sort.key(),
        order: order(args.asc),
        event_id: args.event,
        limit: args.limit,
        ..ListQuery::default()
    };
    if let Some(event_id) = args.event {
        store.event(event_id).await?;
    }
    let articles = articles::list_page(store, &query).await?.articles;
    if json {
        print_json(&articles)?;
    } else if articles.is_empty() {
        note!("no articles");
    } else {
        for article in &articles {
            say!("{}", article_line(article));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn search(store: &Store, text: &str, limit: u32, json: bool) -> anyhow::Result<ExitCode> {
    let hits = articles::search(store, text, limit).await?;
    if json {
        print_json(&hits)?;
    } else if hits.is_empty() {
        note!("nothing found for “{}”", visible(text));
    } else {
        for hit in &hits {
            // `highlighted` shows the text's control characters and adds only its own bold.
            outln!(
                "#{}  {}",
                hit.article.id,
                title_and_outlet(
                    &highlighted(&hit.title),
                    hit.article.outlet.as_deref().map(visible).as_deref()
                )
            );
            if !hit.snippet.text.is_empty() {
                outln!("    {}", highlighted(&hit.snippet));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn show(store: &Store, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let record = articles::article_record(store, id).await?;
    let article = &record.detail;
    if json {
        print_json(article)?;
        return Ok(ExitCode::SUCCESS);
    }
    let fetched = record
        .fetch
        .as_ref()
        .map(|fetch| format!("{} from {}", fetch.fetched_at, fetch.final_url));
    let others: Vec<String> = record
        .versions
        .iter()
        .map(|&version| {
            if version == id {
                format!("#{version} (this)")
            } else {
                format!("#{version}")
            }
        })
        .collect();
    let versions = (others.len() > 1).then(|| others.join(", "));
    say!("#{}  {}", article.id, article.title);
    let fields = [
        ("outlet", article.outlet.clone()),
        ("byline", article.byline.clone()),
        ("published", article.published_at.clone()),
        ("url", article.url.clone()),
        (
            "canonical",
            article
                .canonical_url
                .clone()
                .filter(|c| Some(c) != article.url.as_ref()),
        ),
        ("language", article.lang.clone()),
        ("words", Some(article.word_count.to_string())),
        (
            "imported",
            Some(format!(
                "{} from {}",
                article.imported_at,
                article.source_path.as_deref().unwrap_or("—")
            )),
        ),
        ("format", Some(article.source_format.clone())),
        ("fetched", fetched),
        ("versions", versions),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            say!("{name:>10}: {value}");
        }
    }
    if !article.events.is_empty() {
        let events: Vec<String> = article
            .events
            .iter()
            .map(|e| format!("#{} {}", e.id, e.title))
            .collect();
        say!("{:>10}: {}", "events", events.join(", "));
    }
    say!();
    for paragraph in &article.paragraphs {
        say!("{paragraph}\n");
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn edit(store: &Store, args: EditArgs, json: bool) -> anyhow::Result<ExitCode> {
    let update = MetadataUpdate {
        title: args.title,
        outlet: args.outlet,
        published_at: args.published,
        url: args.url,
        version: None,
    };
    if update == MetadataUpdate::default() {
        anyhow::bail!("nothing to change: give --title, --outlet, --published or --url");
    }
    let article = articles::update_article(store, args.id, &update)
        .await?
        .detail;
    if json {
        print_json(&article)?;
    } else {
        say!(
            "updated #{}  {}",
            article.id,
            title_and_outlet(&article.title, article.outlet.as_deref())
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn remove(store: &Store, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    let article = store.article(id).await?;
    store.delete_article(id).await?;
    if json {
        print_json(&json!({ "deleted": id, "title": article.title }))?;
    } else {
        say!(
            "deleted #{id}  {}  (undo: parallax restore {id})",
            article.title
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn restore(store: &Store, id: i64, json: bool) -> anyhow::Result<ExitCode> {
    store.restore_article(id).await?;
    let article = store.article(id).await?;
    if json {
        print_json(&json!({ "restored": id, "title": article.title }))?;
    } else {
        say!("restored #{id}  {}", article.title);
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn purge(store: &Store, json: bool) -> anyhow::Result<ExitCode> {
    let purged = store.purge_deleted().await?;
    if json {
        print_json(&json!({ "purged": purged }))?;
    } else {
        say!("removed {} for good", counted(purged, "deleted article"));
    }
    Ok(ExitCode::SUCCESS)
}

pub async fn outlets(store: &Store, json: bool) -> anyhow::Result<ExitCode> {
    let outlets = store.list_outlets().await?;
    if json {
        print_json(&outlets)?;
    } else if outlets.is_empty() {
        note!("no outlets");
    } else {
        for outlet in &outlets {
            let domain = outlet
                .domain
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            let articles = counted(outlet.article_count, "article");
            say!("#{:<4} {}{domain}  {articles}", outlet.id, outlet.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}
