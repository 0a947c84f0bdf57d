//! File > Add article...: the article's text (pasted, or read from a .txt file) and
//! what is known of it (published time, publisher, URL, title). "Read the article"
//! runs ingest; its drafts open in the Drafts window.

use super::Cx;
use super::form::{error_line, text_area, text_field};
use crate::ingest::ArticleInput;
use crate::model::Moment;
use crate::ui::command::Command;
use crate::ui::dialog::{Answer, Ask, FileDialog};

/// The Add article window's fields.
#[derive(Default)]
pub struct ArticleForm {
    /// The window is open.
    pub open: bool,
    /// The article's text.
    pub text: String,
    /// When it was published, as typed (the same forms as the command line).
    pub published: String,
    /// Who published it.
    pub publisher: String,
    /// Where.
    pub url: String,
    /// Its headline.
    pub title: String,
    /// Why the text file could not be read.
    pub file_error: Option<String>,
    dialog: FileDialog,
}

impl ArticleForm {
    /// The article as ingest takes it, or why not (in the scenario's time zone).
    pub fn input(&self, offset: jiff::tz::Offset) -> Result<ArticleInput, String> {
        if self.text.trim().is_empty() {
            return Err("Paste the article's text or open a .txt file.".into());
        }
        let published = Moment::parse(self.published.trim(), offset)
            .map_err(|err| format!("Published: {err}"))?;
        let given = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        Ok(ArticleInput {
            text: self.text.clone(),
            published,
            publisher: given(&self.publisher),
            url: given(&self.url),
            title: given(&self.title),
        })
    }

    /// Reads the text file the dialog picked, if it answered.
    fn poll_dialog(&mut self, ctx: &egui::Context) {
        match self.dialog.poll(ctx) {
            Some(Answer::Picked(path)) => match std::fs::read_to_string(&path) {
                Ok(text) => {
                    self.text = text;
                    self.file_error = None;
                }
                Err(err) => self.file_error = Some(format!("{}: {err}", path.display())),
            },
            Some(Answer::Cancelled) | None => {}
        }
    }

    /// Cancels the in-app file dialog (Esc); returns whether one was open.
    pub fn cancel_in_app_dialog(&mut self) -> bool {
        self.dialog.cancel_in_app()
    }
}

/// Draws the Add article window while it is open.
pub fn window(ctx: &egui::Context, cx: &Cx<'_>, form: &mut ArticleForm, out: &mut Vec<Command>) {
    form.poll_dialog(ctx);
    if !form.open {
        return;
    }
    let offset = cx.world.scenario().offset();
    let mut open = true;
    egui::Window::new("Add article")
        .id(super::window_id("article"))
        .open(&mut open)
        .default_size([560.0, 520.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                if ui.button("Open a .txt file...").clicked() {
                    let ask = Ask {
                        title: "Open an article".into(),
                        file_name: None,
                        filter: ("Plain text".into(), vec!["txt".into()]),
                        save: false,
                        folder: None,
                    };
                    form.dialog.start(ctx, ask, cx.state.file_dialog);
                }
                if form.dialog.is_open() {
                    ui.spinner();
                }
                ui.weak("or paste the text below");
            });
            if let Some(err) = &form.file_error {
                error_line(ui, err);
            }
            egui::ScrollArea::vertical()
                .max_height(240.0)
                .show(ui, |ui| text_area(ui, "Article text", &mut form.text, 10));
            text_field(ui, "Published", &mut form.published);
            ui.small(format!(
                "A date, a local time (e.g. 2024-12-08T10:00, {}) or RFC 3339.",
                crate::model::utc_offset_words(offset)
            ));
            text_field(ui, "Publisher", &mut form.publisher);
            text_field(ui, "URL", &mut form.url);
            text_field(ui, "Title", &mut form.title);
            let input = form.input(offset);
            if let Err(why) = &input
                && !form.published.is_empty()
            {
                error_line(ui, why);
            }
            let read = ui.add_enabled(input.is_ok(), egui::Button::new("Read the article"));
            if let (true, Ok(input)) = (read.clicked(), input) {
                out.push(Command::ReadArticle(Box::new(input)));
            }
        });
    form.open &= open;
}
