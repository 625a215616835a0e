#include "settings.h"
#include "targetpanel.h"
#include "headersmodel.h"
#include "targetsettingseditor.h"
#include "targetsmodel.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QApplication>
#include <QComboBox>
#include <QImage>
#include <QPalette>
#include <QToolButton>
#include <QDoubleSpinBox>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QListView>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using SentryUi::Settings;
using SentryUi::TargetPanel;
using Part = SentryUi::TargetPanel::Part;

Q_DECLARE_METATYPE(Part)

namespace {
QJsonArray dsnVectors()
{
    QFile file(QStringLiteral(SENTRY_TEST_DATA_DIR "/dsn.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).array();
}

// The vector's field names and the breakdown rows they are shown in.
const std::pair<QLatin1StringView, Part> VectorParts[] = {
    {"scheme"_L1, Part::Scheme},
    {"transport"_L1, Part::Transport},
    {"public_key"_L1, Part::PublicKey},
    {"host"_L1, Part::Host},
    {"path"_L1, Part::Path},
    {"project_id"_L1, Part::Project},
    {"store_url"_L1, Part::StoreUrl},
};

Part partOfLocation(const QString &location)
{
    static const QHash<QString, Part> parts {
        {u"scheme"_s, Part::Scheme},  {u"public key"_s, Part::PublicKey},
        {u"secret"_s, Part::Secret},  {u"host"_s, Part::Host},
        {u"port"_s, Part::Port},      {u"path"_s, Part::Path},
        {u"project"_s, Part::Project}};
    return parts.value(location, Part::StoreUrl);
}
} // namespace

class TestTargetPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void breakdown_showsEveryPart_data();
    void breakdown_showsEveryPart();
    void breakdown_marksThePartAtFault_data();
    void breakdown_marksThePartAtFault();
    void secret_isMaskedUntilShown();
    void dsnEditor_masksTheSecretUnlessEditing();
    void selectTarget_switchesInOneClick();
    void editing_isADraftUntilSaved();
    void revert_dropsTheDraft();
    void switching_keepsTheDraftOfAModifiedTarget();
    void settings_editTheDraftAndRoundTrip();
    void settingsEditor_spellsOutHeaderProblems();
    void addAndRemove_changeTheSavedTargets();
    void darkPalette_keepsTheListButtonsReadable();
    void minimumHeight_fitsALaptopScreen();

private:
    TestSupport::Sandbox m_dir;
    Settings *m_settings = nullptr;
    TargetPanel *m_panel = nullptr;
};

void TestTargetPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!dsnVectors().isEmpty(), "tests/data/dsn.json is readable");
}

void TestTargetPanel::init()
{
    m_settings = new Settings(m_dir.freshFile(u"s.ini"_s), false);
    m_settings->targets = {{u"one"_s, u"Prod"_s, u"https://pub:sec@example.com/1"_s},
                           {u"two"_s, u"Local"_s, u"http://k:s@127.0.0.1:9000/2"_s}};
    m_panel = new TargetPanel(m_settings);
}

void TestTargetPanel::cleanup()
{
    delete m_panel;
    delete m_settings;
}

void TestTargetPanel::breakdown_showsEveryPart_data()
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QJsonValue &vector : dsnVectors()) {
        if (vector["valid"_L1].toBool())
            QTest::newRow(qPrintable(vector["name"_L1].toString())) << vector.toObject();
    }
}

void TestTargetPanel::breakdown_showsEveryPart()
{
    QFETCH(QJsonObject, vector);
    QSignalSpy changed(m_panel, &TargetPanel::dsnChanged);
    m_panel->setDsnText(vector["dsn"_L1].toString());
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.at(0).at(0).value<Sentry::Dsn>().isValid());
    for (const auto &[field, part] : VectorParts) {
        if (vector.contains(field))
            QCOMPARE(m_panel->partText(part), vector[field].toString());
    }
    if (vector.contains("port"_L1))
        QVERIFY(
            m_panel->partText(Part::Port).startsWith(QString::number(vector["port"_L1].toInt())));
}

void TestTargetPanel::breakdown_marksThePartAtFault_data()
{
    QTest::addColumn<QString>("dsn");
    QTest::addColumn<QString>("location");
    QTest::addColumn<Sentry::Severity>("severity");
    for (const QJsonValue &vector : dsnVectors()) {
        const QString fault = vector["fault"_L1].toString();
        const QString warning = vector["expect_warning"_L1].toString();
        if (!fault.isEmpty() || !warning.isEmpty())
            QTest::newRow(qPrintable(vector["name"_L1].toString()))
                << vector["dsn"_L1].toString() << (fault.isEmpty() ? warning : fault)
                << (fault.isEmpty() ? Sentry::Severity::Warning : Sentry::Severity::Error);
    }
}

void TestTargetPanel::breakdown_marksThePartAtFault()
{
    QFETCH(QString, dsn);
    QFETCH(QString, location);
    QFETCH(Sentry::Severity, severity);
    m_panel->setDsnText(dsn);
    const Sentry::Findings findings = m_panel->partFindings(partOfLocation(location));
    QVERIFY2(!findings.isEmpty(), qPrintable(location));
    const bool found
        = std::any_of(findings.begin(), findings.end(),
                      [severity](const Sentry::Finding &f) { return f.severity == severity; });
    QVERIFY(found);
    // The message is where the user looks: on the part's value.
    auto *value
        = m_panel->findChild<QLineEdit *>(u"part_"_s + QString(location).replace(u' ', u'_'));
    QVERIFY(value);
    QVERIFY2(value->toolTip().contains(findings.first().message), qPrintable(value->toolTip()));
    if (location == "port"_L1) // the typo itself is shown, not the scheme's default
        QCOMPARE(m_panel->partText(Part::Port), dsn.section(u':', 3).section(u'/', 0, 0));
}

void TestTargetPanel::secret_isMaskedUntilShown()
{
    m_panel->selectTarget(0);
    QVERIFY(!m_panel->isSecretShown());
    QVERIFY(!m_panel->partText(Part::Secret).contains(u"sec"_s));
    QVERIFY(!m_panel->partText(Part::Secret).isEmpty());
    m_panel->setSecretShown(true);
    QCOMPARE(m_panel->partText(Part::Secret), u"sec"_s);
}

void TestTargetPanel::dsnEditor_masksTheSecretUnlessEditing()
{
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowActive(m_panel));
    m_panel->selectTarget(0);
    auto *editor = m_panel->findChild<QLineEdit *>(u"dsnEdit"_s);
    QVERIFY(editor);
    editor->clearFocus();
    QVERIFY2(!editor->text().contains(u":sec@"_s), qPrintable(editor->text()));
    QVERIFY(editor->text().startsWith(u"https://pub:"_s));
    QCOMPARE(m_panel->dsnText(), u"https://pub:sec@example.com/1"_s);
    QCOMPARE(m_panel->dsn().secretKey(), u"sec"_s); // masking is display only

    editor->setFocus();
    QTRY_COMPARE(editor->text(), u"https://pub:sec@example.com/1"_s);
    editor->clearFocus();
    QTRY_VERIFY(!editor->text().contains(u":sec@"_s));
    m_panel->setSecretShown(true);
    QCOMPARE(editor->text(), u"https://pub:sec@example.com/1"_s);
}

void TestTargetPanel::selectTarget_switchesInOneClick()
{
    QSignalSpy changed(m_panel, &TargetPanel::dsnChanged);
    auto *list = m_panel->findChild<QListView *>(u"targetList"_s);
    QVERIFY(list);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    const QRect rect = list->visualRect(m_panel->model()->index(1));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(m_panel->currentRow(), 1);
    QCOMPARE(m_panel->dsnText(), u"http://k:s@127.0.0.1:9000/2"_s);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_panel->dsn().port(), 9000);
    QCOMPARE(m_settings->currentTargetId, u"two"_s);
}

// Typing in the DSN field silently rewrote the selected saved target.
void TestTargetPanel::editing_isADraftUntilSaved()
{
    m_panel->selectTarget(0);
    auto *save = m_panel->findChild<QPushButton *>(u"saveTarget"_s);
    auto *revert = m_panel->findChild<QPushButton *>(u"revertTarget"_s);
    QVERIFY(save && revert);
    QVERIFY(!save->isEnabled());
    auto *editor = m_panel->findChild<QLineEdit *>(u"dsnEdit"_s);
    editor->setFocus();
    editor->setText(u"https://pub:sec@example.com/42"_s); // as typing does
    QCOMPARE(m_panel->dsn().projectId(), u"42"_s);
    QCOMPARE(m_panel->model()->target(0).dsn, u"https://pub:sec@example.com/1"_s);
    QVERIFY(m_panel->isCurrentModified());
    QVERIFY(save->isEnabled() && revert->isEnabled());
    const QModelIndex row = m_panel->model()->index(0);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), u"Prod •"_s);
    QVERIFY(row.data(Qt::FontRole).value<QFont>().italic());

    m_panel->saveTargets(); // the draft survives a restart, its secret off the disk
    Settings reread(m_dir.filePath(u"s.ini"_s), false);
    reread.load();
    QCOMPARE(reread.targets.at(0).dsn, u"https://pub@example.com/1"_s);
    QCOMPARE(reread.drafts.value(u"one"_s).dsn, u"https://pub@example.com/42"_s);

    save->click();
    QVERIFY(!m_panel->isCurrentModified());
    QCOMPARE(m_panel->model()->target(0).dsn, u"https://pub:sec@example.com/42"_s);
    QCOMPARE(row.data(Qt::DisplayRole).toString(), u"Prod"_s);
    m_panel->saveTargets();
    Settings after(m_dir.filePath(u"s.ini"_s), false);
    after.load();
    QCOMPARE(after.targets.at(0).dsn, u"https://pub@example.com/42"_s); // secret not on disk
    QVERIFY(after.drafts.isEmpty());
}

void TestTargetPanel::revert_dropsTheDraft()
{
    m_panel->selectTarget(1);
    m_panel->setDsnText(u"http://k:s@127.0.0.1:9001/2"_s);
    QVERIFY(m_panel->isCurrentModified());
    QSignalSpy changed(m_panel, &TargetPanel::dsnChanged);
    m_panel->findChild<QPushButton *>(u"revertTarget"_s)->click();
    QVERIFY(!m_panel->isCurrentModified());
    QCOMPARE(m_panel->dsnText(), u"http://k:s@127.0.0.1:9000/2"_s);
    QCOMPARE(m_panel->dsn().port(), 9000);
    QCOMPARE(changed.count(), 1);
}

void TestTargetPanel::switching_keepsTheDraftOfAModifiedTarget()
{
    m_panel->selectTarget(0);
    m_panel->setDsnText(u"https://pub:sec@example.com/7"_s);
    m_panel->selectTarget(1); // no question asked, nothing lost
    QCOMPARE(m_panel->dsnText(), u"http://k:s@127.0.0.1:9000/2"_s);
    QVERIFY(!m_panel->isCurrentModified());
    QVERIFY(m_panel->model()->isModified(0));
    QVERIFY(m_panel->model()->index(0).data(Qt::DisplayRole).toString().endsWith(u" •"_s));
    m_panel->selectTarget(0);
    QCOMPARE(m_panel->dsnText(), u"https://pub:sec@example.com/7"_s);
    QVERIFY(m_panel->isCurrentModified());
}

void TestTargetPanel::settings_editTheDraftAndRoundTrip()
{
    m_panel->selectTarget(0);
    QSignalSpy changed(m_panel, &TargetPanel::targetChanged);
    auto *timeout = m_panel->findChild<QDoubleSpinBox *>(u"timeout"_s);
    auto *client = m_panel->findChild<QLineEdit *>(u"client"_s);
    auto *encoding = m_panel->findChild<QComboBox *>(u"encoding"_s);
    QVERIFY(timeout && client && encoding);
    timeout->setValue(0.5);
    client->setFocus();
    QTest::keyClicks(client, u"raven-js/1.1.0"_s);
    encoding->setCurrentIndex(encoding->findData(int(Sentry::BodyEncoding::Base64Zlib)));
    auto *headers = m_panel->settingsEditor()->headersModel();
    headers->insertRows(0, 1);
    headers->setData(headers->index(0, 0), u"Origin"_s);
    headers->setData(headers->index(0, 1), u"https://app.example.com"_s);
    QVERIFY(changed.count() >= 5);
    const SentryUi::Target edited = changed.constLast().at(0).value<SentryUi::Target>();
    QCOMPARE(edited.timeoutMs.value_or(0), 500);
    QCOMPARE(edited.client, u"raven-js/1.1.0"_s);
    QCOMPARE(edited.encoding, Sentry::BodyEncoding::Base64Zlib);
    QCOMPARE(edited.headers.size(), 1);
    QCOMPARE(m_panel->currentTarget(), edited);
    QVERIFY(m_panel->isCurrentModified());
    QVERIFY(!m_panel->model()->target(0).timeoutMs); // saved: untouched until Save
    m_panel->saveCurrentTarget();
    m_panel->saveTargets();

    Settings reread(m_dir.filePath(u"s.ini"_s), false);
    reread.load();
    SentryUi::Target expected = edited;
    expected.dsn = u"https://pub@example.com/1"_s; // the secret stays off the disk
    QCOMPARE(reread.targets.at(0), expected);
    TargetPanel again(&reread);
    again.selectTarget(0);
    QCOMPARE(again.findChild<QDoubleSpinBox *>(u"timeout"_s)->value(), 0.5);
    QCOMPARE(again.findChild<QLineEdit *>(u"client"_s)->text(), u"raven-js/1.1.0"_s);
    QCOMPARE(again.settingsEditor()->headersModel()->headers(), edited.headers);
}

void TestTargetPanel::settingsEditor_spellsOutHeaderProblems()
{
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->setDsnText(u"https://pub:sec@example.com/1?timeout=7"_s);
    QVERIFY2(m_panel->settingsEditor()->timeoutText().contains(u"7 s, from the DSN's ?timeout="_s),
             qPrintable(m_panel->settingsEditor()->timeoutText()));
    auto *headers = m_panel->settingsEditor()->headersModel();
    headers->insertRows(0, 1);
    headers->setData(headers->index(0, 0), u"Bad Name"_s);
    auto *problems = m_panel->findChild<QLabel *>(u"headerProblems"_s);
    QVERIFY(problems && problems->isVisible());
    QVERIFY2(problems->text().contains(u"contains a space"_s), qPrintable(problems->text()));
}

void TestTargetPanel::addAndRemove_changeTheSavedTargets()
{
    const int row = m_panel->addTarget(u"Staging"_s, u"https://a:b@staging.example.com/3"_s);
    QCOMPARE(m_panel->currentRow(), row);
    QCOMPARE(m_panel->dsn().host(), u"staging.example.com"_s);
    m_panel->selectTarget(0);
    m_panel->removeCurrentTarget();
    m_panel->saveTargets();
    QCOMPARE(m_settings->targets.size(), 2);
    QCOMPARE(m_settings->targets.at(0).name, u"Local"_s);
    QCOMPARE(m_settings->targets.at(1).name, u"Staging"_s);
}

// In the dark palette the +, ✎ and − buttons looked disabled: grey strokes on dark grey.
void TestTargetPanel::darkPalette_keepsTheListButtonsReadable()
{
    const auto lightest = [this] {
        int result = -1;
        const auto buttons = m_panel->findChildren<QToolButton *>();
        for (QToolButton *button : buttons) {
            if (!button->toolTip().startsWith(u"Add a target"_s))
                continue;
            const QImage image = button->icon().pixmap(24, 24).toImage();
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (image.pixelColor(x, y).alpha() > 200)
                        result = std::max(result, image.pixelColor(x, y).lightness());
        }
        return result;
    };
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    const int light = lightest();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xea, 0xed));
    QApplication::setPalette(dark); // as the theme menu does, after the panel exists
    QTRY_VERIFY2(lightest() > 170, qPrintable(QString::number(lightest())));
    QApplication::setPalette(QPalette());
    QVERIFY2(light >= 0 && light < 140, qPrintable(QString::number(light)));
}

// With the findings spelled out and the request settings, the panel's content is ~800 px tall:
// it scrolls instead of demanding that height from a 768 px screen.
void TestTargetPanel::minimumHeight_fitsALaptopScreen()
{
    m_panel->setDsnText(u"https://pub@example.com/1?timeout=oops"_s); // warnings, spelled out
    QVERIFY2(m_panel->minimumSizeHint().height() < 300,
             qPrintable(QString::number(m_panel->minimumSizeHint().height())));
    m_panel->resize(380, 500);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    auto *save = m_panel->findChild<QPushButton *>(u"saveTarget"_s);
    QVERIFY(save && save->isVisible());
}

QTEST_MAIN(TestTargetPanel)
#include "tst_targetpanel.moc"
