#pragma once

// The protocol timeline of one exchange (Sentry::Timeline): a card per step — DSN, URL, auth
// header, JSON, scrubbing, encoding, bytes, response, verdict — with its facts and what happened
// and why, marked by outcome; exportable as Markdown or as one self-contained HTML page.
//
//     view->showExchange(exchange);   // from the history list, or the last send

#include "exchange.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace SentryUi {

class TimelineView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    enum class Format { Markdown, Html };

    explicit TimelineView(QWidget *parent = nullptr);

    void showExchange(const Sentry::Exchange &exchange);
    std::optional<Sentry::Exchange> exchange() const { return m_exchange; }
    int stepCount() const;
    QString stepText(int index) const; // a card's title and summary, for tests

    // Writes the export; false and *error (what, where, how to fix) when the file cannot be written.
    bool exportTo(const QString &path, Format format, QString *error = nullptr) const;

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void exportAs(Format format); // asks for the file
    void clearSteps();

    std::optional<Sentry::Exchange> m_exchange;
    QLabel *m_title = nullptr;
    QWidget *m_steps = nullptr;
    QVBoxLayout *m_stepsLayout = nullptr;
    QPushButton *m_markdown = nullptr;
    QPushButton *m_html = nullptr;
};

} // namespace SentryUi
