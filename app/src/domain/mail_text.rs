//! What administrators read of a mail on the outbox page: its text with the secrets of its
//! links taken out.
//!
//! Invitation, confirmation and subscription links carry a one-time or long-lived token
//! (`?token=...`) that stands for the recipient: whoever has it can choose the invited
//! person's password or change their subscription. The outbox is for checking what was sent,
//! so it shows each link with its token replaced by "…".

/// `text` with the value of every `token=` in it replaced by "…".
pub fn without_tokens(text: &str) -> String {
    const KEY: &str = "token=";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(KEY) {
        let (before, after) = rest.split_at(at + KEY.len());
        out.push_str(before);
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.~%".contains(c)))
            .unwrap_or(after.len());
        if end > 0 {
            out.push('…');
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::without_tokens;

    #[test]
    fn link_tokens_are_replaced_and_the_rest_is_kept() {
        let mail = "Choose your password here:\n\n  https://t.example/invitations/accept?token=\
                    0a1b2c3d\n\nManage: https://t.example/subscriptions/manage?token=ff&x=1 or \
                    <https://t.example/u?token=AbC_-9>.";
        assert_eq!(
            without_tokens(mail),
            "Choose your password here:\n\n  https://t.example/invitations/accept?token=…\n\n\
             Manage: https://t.example/subscriptions/manage?token=…&x=1 or \
             <https://t.example/u?token=…>."
        );
        assert_eq!(
            without_tokens("no links, token= empty"),
            "no links, token= empty"
        );
        assert_eq!(without_tokens("ends with token=abc"), "ends with token=…");
    }
}
