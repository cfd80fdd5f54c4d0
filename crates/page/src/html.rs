//! HTML extraction (placeholder while measuring).
pub(crate) struct Doc {
    pub text: String,
    pub published: Option<diplograph_model::Day>,
    pub title: Option<String>,
}
pub(crate) fn extract(_html: &str) -> Result<Doc, crate::PageError> {
    Err(crate::PageError::NoText)
}
