#pragma once

// The embedded receiver: whether it listens and where (start, stop, move to another address or
// port; an address other machines can reach only after a warning), whether it starts with the
// app, the projects' keys and allowed origins it accepts, and its DSN to copy — alone or in a
// ready line for raven-python, raven-node, raven-js, or as a curl command.

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace SentryUi {

class ReceiverController;

class ReceiverPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceiverPanel)

public:
    // Asked before listening where other machines can reach the receiver; true: go ahead.
    using ConfirmExposure = std::function<bool(QWidget *parent, const QString &address)>;

    ReceiverPanel(ReceiverController *controller, bool *startAtLaunch, QWidget *parent = nullptr);
    ~ReceiverPanel() override;

    void setConfirmExposure(ConfirmExposure confirm) { m_confirmExposure = std::move(confirm); }

    // What the user can do, as the buttons do it (tests drive these).
    void toggleRunning();
    bool moveTo(const QString &address, int port); // false (and why, shown) when it did not move
    bool applyConfig(); // the project, keys and origins as typed; false (and why, shown) when invalid
    void copyDsn() const;
    void copySnippet() const;

    QString dsnText() const;
    QString snippetText() const;
    QString errorText() const;
    QComboBox *snippetChoice() const { return m_snippetChoice; }
    QLineEdit *projectEdit() const { return m_project; }
    QPlainTextEdit *keysEdit() const { return m_keys; }
    QPlainTextEdit *originsEdit() const { return m_origins; }
    QCheckBox *startAtLaunchBox() const { return m_atLaunch; }

private:
    QWidget *createListenBox();
    QWidget *createDsnBox();
    QWidget *createConfigBox();
    void showState();
    void showConfig();
    void showSnippets();
    void showError(const QString &error);

    ReceiverController *m_controller = nullptr;
    bool *m_startAtLaunch = nullptr;
    ConfirmExposure m_confirmExposure;
    QLabel *m_status = nullptr;
    QPushButton *m_startStop = nullptr;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QCheckBox *m_atLaunch = nullptr;
    QLineEdit *m_dsn = nullptr;
    QComboBox *m_snippetChoice = nullptr;
    QPlainTextEdit *m_snippet = nullptr;
    QLineEdit *m_project = nullptr;
    QPlainTextEdit *m_keys = nullptr;
    QPlainTextEdit *m_origins = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace SentryUi
