//! The session as JSON: the view model (`parallax.session/1`) with the session's name, the time of
//! the export and the notes, pretty-printed.

use serde::Serialize;

use super::{ExportInput, ExportNote};
use crate::compare::session::{SessionModel, SESSION_SCHEMA};

/// The exported document (camelCase keys, like the model).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionDocument<'a> {
    schema: &'static str,
    name: &'a str,
    generated_at: &'a str,
    model: &'a SessionModel,
    notes: &'a [ExportNote],
}

/// `{"schema": "parallax.session/1", "name", "generatedAt", "model", "notes"}`, pretty-printed;
/// `model` reads back into a [`SessionModel`] and each note into an [`ExportNote`].
pub fn session_json(input: &ExportInput) -> String {
    let document = SessionDocument {
        schema: SESSION_SCHEMA,
        name: input.name,
        generated_at: input.generated_at,
        model: input.model,
        notes: input.notes,
    };
    // Plain structs, string keys and floats (a non-finite one becomes null): nothing here can fail.
    serde_json::to_string_pretty(&document).unwrap_or_else(|error| {
        unreachable!("a session view model always serializes to JSON: {error}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    #[test]
    fn round_trips_into_the_model_and_notes() {
        let model = sample::two_pane_model();
        let notes = sample::notes();
        let input = ExportInput {
            name: "Dravik: \"who fled\"",
            model: &model,
            notes: &notes,
            generated_at: "2024-12-04T10:00:00Z",
        };
        let json = session_json(&input);
        let value: serde_json::Value = serde_json::from_str(&json).expect("the export is JSON");
        assert_eq!(value["schema"], "parallax.session/1");
        assert_eq!(value["name"], "Dravik: \"who fled\"");
        assert_eq!(
            value["generatedAt"], "2024-12-04T10:00:00Z",
            "keys are camelCase"
        );
        let back: SessionModel =
            serde_json::from_value(value["model"].clone()).expect("model reads back");
        assert_eq!(back, model, "the model survives the round trip unchanged");
        let back_notes: Vec<ExportNote> =
            serde_json::from_value(value["notes"].clone()).expect("notes read back");
        assert_eq!(back_notes, notes);
        assert!(
            value["notes"][0].get("createdAt").is_some(),
            "note keys are camelCase: {}",
            value["notes"][0]
        );
        assert!(json.contains("\n  \"model\": {"), "pretty-printed");
    }

    #[test]
    fn a_non_finite_share_does_not_break_the_export() {
        let mut model = sample::two_pane_model();
        model.panes[0].stats.shared_share = f32::NAN;
        let input = ExportInput {
            name: "nan",
            model: &model,
            notes: &[],
            generated_at: "",
        };
        let value: serde_json::Value =
            serde_json::from_str(&session_json(&input)).expect("still JSON");
        assert!(value["model"]["panes"][0]["stats"]["sharedShare"].is_null());
    }
}
