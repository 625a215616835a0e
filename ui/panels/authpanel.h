#pragma once

// The Auth tab: an X-Sentry-Auth header judged as the v4 server's parser would (core's
// AuthHeader::parse, the judge the CLI's auth command uses), with the same summary and findings.
// It shows the request's own header until the user edits or pastes one (a value, or a whole
// "X-Sentry-Auth: …" or "Authorization: Sentry …" line); "Use the request's header" goes back.

#include "authheader.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace SentryUi {

class PairsModel;

class AuthPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthPanel)

public:
    explicit AuthPanel(QWidget *parent = nullptr);

    // The header of the request being previewed (as shown: secret masked unless shown).
    void setRequestHeader(const QString &header);
    void setHeaderText(const QString &text); // as if pasted
    void useRequestHeader();
    bool isFollowingRequest() const { return m_following; }

    QString headerText() const;
    QString summaryText() const;  // "Accepted: no (1 error(s), 0 warning(s))", as the CLI says
    QString findingsText() const; // one line per finding: "error   sentry_client: …"
    Sentry::AuthHeader judged() const { return m_judged; }
    PairsModel *fieldsModel() const { return m_fields; }

private:
    void textEdited();
    void judge();

    QPlainTextEdit *m_editor = nullptr;
    QCheckBox *m_browser = nullptr;
    QPushButton *m_useRequest = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_findings = nullptr;
    PairsModel *m_fields = nullptr;
    Sentry::AuthHeader m_judged;
    QString m_requestHeader;
    bool m_following = true;
    bool m_updating = false; // the editor is being filled, not edited
};

} // namespace SentryUi
