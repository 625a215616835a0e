#pragma once

// Request preview: exactly what Send will put on the wire for the current event and DSN — the
// event JSON after scrubbing, the X-Sentry-Auth fields and raw header, the whole HTTP request in
// the chosen body encoding, and a curl command — plus what the scrubbing switches mask or remove.

#include "dsn.h"
#include "scrubber.h"
#include "storerequest.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTimer;

namespace SentryUi {

class AuthPanel;
class EventDocument;
class PairsModel;

class RequestPreviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestPreviewPanel)

public:
    explicit RequestPreviewPanel(EventDocument *document, QWidget *parent = nullptr);
    ~RequestPreviewPanel() override;

    void setDsn(const Sentry::Dsn &dsn);
    Sentry::Dsn dsn() const { return m_dsn; }
    // The target's request settings (encoding, client, extra headers, timeout): the options
    // every request starts from. Sets the encoding shown.
    void setRequestDefaults(const Sentry::StoreRequestOptions &options);

    // The request Send would make now (scrubbing applied); nullopt and *error when it cannot be
    // built (no valid DSN).
    std::optional<Sentry::StoreRequest> currentRequest(QString *error) const;

    Sentry::BodyEncoding encoding() const;
    // The request options a user can set here (for tests and the main window's wiring).
    void setClientPreset(const QString &id); // "" for the harness's own form
    void setOrigin(const QString &origin);
    void setEncoding(Sentry::BodyEncoding encoding);
    Sentry::ScrubOptions scrubOptions() const;
    void setProcessorEnabled(const QString &processorId, bool enabled); // "sanitize", "cookies", …

    void refresh(); // normally ~200 ms after an edit
    QString bodyText() const; // the tabs' texts as shown (secrets masked unless shown)
    QString authText() const;
    QString httpText() const;
    QString curlText() const;
    QString scrubText() const;
    QString statusText() const; // "POST … — n body bytes — timeout 3 s (the default)", or the error
    PairsModel *authFieldsModel() const;
    AuthPanel *authPanel() const { return m_auth; }

Q_SIGNALS:
    void encodingChosen(Sentry::BodyEncoding encoding); // the user picked one in the options bar

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Built
    {
        QByteArray json; // the event bytes after scrubbing
        Sentry::ScrubResult scrub;
        bool scrubbed = false;
    };

    QWidget *buildOptions();
    QWidget *buildScrubbing();
    QWidget *textTab(QPlainTextEdit *view, const std::function<QString()> &copyText);
    Built scrubbedBody() const;
    void showRequest(const Sentry::StoreRequest &request);
    void showError(const QString &error, const Built &built);
    void showScrub(const Built &built);
    void refreshIfVisible();
    void applyPreset();

    EventDocument *m_document = nullptr;
    Sentry::Dsn m_dsn;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_client = nullptr;
    QComboBox *m_method = nullptr;
    QLineEdit *m_origin = nullptr;
    QLineEdit *m_referer = nullptr;
    QCheckBox *m_legacyEndpoint = nullptr;
    QCheckBox *m_showSecrets = nullptr;
    QList<QCheckBox *> m_processors;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_body = nullptr;
    AuthPanel *m_auth = nullptr;
    QPlainTextEdit *m_http = nullptr;
    QPlainTextEdit *m_curl = nullptr;
    QPlainTextEdit *m_scrub = nullptr;
    Sentry::StoreRequestOptions m_defaults;
    QTimer *m_refreshTimer = nullptr;
    std::optional<Sentry::StoreRequest> m_request; // as last shown, for the copy buttons
    bool m_stale = false; // an edit arrived while hidden: refresh when shown
};

} // namespace SentryUi
