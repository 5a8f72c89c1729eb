<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ActionAvailability</name>
    <message>
        <source>The container is being removed.</source>
        <translation>Der Container wird gerade entfernt.</translation>
    </message>
    <message>
        <source>Docker reports an unknown state &quot;%1&quot;.</source>
        <translation>Docker meldet einen unbekannten Zustand „%1“.</translation>
    </message>
    <message>
        <source>The container is paused; Docker does not start a paused container.</source>
        <translation>Der Container ist pausiert; Docker startet keinen pausierten Container.</translation>
    </message>
    <message>
        <source>The container is already running.</source>
        <translation>Der Container läuft bereits.</translation>
    </message>
    <message>
        <source>The container is not running.</source>
        <translation>Der Container läuft nicht.</translation>
    </message>
    <message>
        <source>This guest is a template: templates are cloned, not run.</source>
        <translation>Dieser Gast ist eine Vorlage: Vorlagen werden geklont, nicht gestartet.</translation>
    </message>
    <message>
        <source>The guest is locked (%1) until that operation ends.</source>
        <translation>Der Gast ist gesperrt (%1), bis dieser Vorgang endet.</translation>
    </message>
    <message>
        <source>The guest is stopped.</source>
        <translation>Der Gast ist gestoppt.</translation>
    </message>
    <message>
        <source>The guest is running.</source>
        <translation>Der Gast läuft.</translation>
    </message>
    <message>
        <source>The guest is paused: resume it or stop it.</source>
        <translation>Der Gast ist pausiert: setzen Sie ihn fort oder stoppen Sie ihn.</translation>
    </message>
    <message>
        <source>Proxmox does not know the guest&apos;s state (its node may be offline).</source>
        <translation>Proxmox kennt den Zustand des Gasts nicht (sein Knoten ist vielleicht offline).</translation>
    </message>
    <message>
        <source>The guest is in state &quot;%1&quot;: only a hard stop applies.</source>
        <translation>Der Gast ist im Zustand „%1“: nur ein hartes Stoppen ist möglich.</translation>
    </message>
</context>
<context>
    <name>PaletteCommands</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Go to host</source>
        <translation>Zum Host</translation>
    </message>
    <message>
        <source>Go to tab</source>
        <translation>Zum Reiter</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>%1 %2 on %3</source>
        <translation>%1: %2 auf %3</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Start stack %1 on %2</source>
        <translation>Stack %1 auf %2 starten</translation>
    </message>
    <message>
        <source>Stop stack %1 on %2</source>
        <translation>Stack %1 auf %2 stoppen</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Restart container %1 on %2</source>
        <translation>Container %1 auf %2 neu starten</translation>
    </message>
    <message>
        <source>Start container %1 on %2</source>
        <translation>Container %1 auf %2 starten</translation>
    </message>
    <message>
        <source>Run %1: %2</source>
        <translation>%1 ausführen: %2</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Run webhook %1 on %2</source>
        <translation>Webhook %1 auf %2 ausführen</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Silence alert %1 for %2 h</source>
        <translation>Alarm %1 für %2 h stummschalten</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Pause AdGuard protection on %1</source>
        <translation>AdGuard-Schutz auf %1 pausieren</translation>
    </message>
    <message>
        <source>AdGuard</source>
        <translation>AdGuard</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Open %1 of %2 in the browser</source>
        <translation>%1 von %2 im Browser öffnen</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webseite</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <source>Proxmox VE</source>
        <translation>Proxmox VE</translation>
    </message>
    <message>
        <source>Portainer</source>
        <translation>Portainer</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>AdGuard Home</source>
        <translation>AdGuard Home</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Agent platform</source>
        <translation>Agentenplattform</translation>
    </message>
    <message>
        <source>n8n</source>
        <translation>n8n</translation>
    </message>
    <message>
        <source>the API token secret (a UUID, shown once when the token was created)</source>
        <translation>das Geheimnis des API-Tokens (eine UUID, einmalig beim Erstellen des Tokens angezeigt)</translation>
    </message>
    <message>
        <source>the API token secret of %1 (a UUID, shown once when the token was created)</source>
        <translation>das Geheimnis des API-Tokens von %1 (eine UUID, einmalig beim Erstellen des Tokens angezeigt)</translation>
    </message>
    <message>
        <source>the Proxmox password</source>
        <translation>das Proxmox-Passwort</translation>
    </message>
    <message>
        <source>the Proxmox password of %1</source>
        <translation>das Proxmox-Passwort von %1</translation>
    </message>
    <message>
        <source>the Portainer API key (My account → Access tokens)</source>
        <translation>den Portainer-API-Schlüssel (Mein Konto → Access tokens)</translation>
    </message>
    <message>
        <source>the API key</source>
        <translation>den API-Schlüssel</translation>
    </message>
    <message>
        <source>the AdGuard Home password</source>
        <translation>das AdGuard-Home-Passwort</translation>
    </message>
    <message>
        <source>the AdGuard Home password of %1</source>
        <translation>das AdGuard-Home-Passwort von %1</translation>
    </message>
    <message>
        <source>the password</source>
        <translation>das Passwort</translation>
    </message>
    <message>
        <source>the password of %1</source>
        <translation>das Passwort von %1</translation>
    </message>
    <message>
        <source>a long-lived access token (Home Assistant profile → Security)</source>
        <translation>ein langlebiges Zugriffstoken (Home-Assistant-Profil → Sicherheit)</translation>
    </message>
    <message>
        <source>the agent platform&apos;s bearer token</source>
        <translation>das Bearer-Token der Agentenplattform</translation>
    </message>
    <message>
        <source>the bearer token of the proxy in front of Ollama</source>
        <translation>das Bearer-Token des Proxys vor Ollama</translation>
    </message>
    <message>
        <source>the value of the webhook&apos;s authentication header</source>
        <translation>den Wert des Authentifizierungs-Headers des Webhooks</translation>
    </message>
    <message>
        <source>the API token secret</source>
        <translation>das Geheimnis des API-Tokens</translation>
    </message>
    <message>
        <source>the bearer token</source>
        <translation>das Bearer-Token</translation>
    </message>
    <message>
        <source>%1 API: %2</source>
        <translation>%1-API: %2</translation>
    </message>
</context>
<context>
    <name>hlc::ActionRunner</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Shutting down…</source>
        <translation>Wird heruntergefahren…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Rebooting…</source>
        <translation>Wird neu gestartet…</translation>
    </message>
    <message>
        <source>Suspending…</source>
        <translation>Wird in den Ruhezustand versetzt…</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Restarting…</source>
        <translation>Wird neu gestartet…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>In Arbeit…</translation>
    </message>
    <message>
        <source>CT</source>
        <translation>CT</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>stack %1</source>
        <translation>Stack %1</translation>
    </message>
    <message>
        <source>container %1</source>
        <translation>Container %1</translation>
    </message>
    <message>
        <source>The host was removed before the action was sent.</source>
        <translation>Der Host wurde entfernt, bevor die Aktion gesendet wurde.</translation>
    </message>
    <message>
        <source>%1 task running</source>
        <translation>Aufgabe %1 läuft</translation>
    </message>
    <message>
        <source>Logging in to Proxmox again failed: %1</source>
        <translation>Die erneute Anmeldung bei Proxmox ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Proxmox ticket expired: logging in again…</source>
        <translation>Proxmox-Ticket abgelaufen: erneute Anmeldung…</translation>
    </message>
    <message>
        <source>The host was removed while the task ran.</source>
        <translation>Der Host wurde entfernt, während die Aufgabe lief.</translation>
    </message>
    <message>
        <source>Lost track of the task: %1</source>
        <translation>Die Aufgabe ist nicht mehr verfolgbar: %1</translation>
    </message>
    <message>
        <source>The task is still running after %1 s; check it in Proxmox.</source>
        <translation>Die Aufgabe läuft nach %1 s noch; prüfen Sie sie in Proxmox.</translation>
    </message>
    <message>
        <source>%1 task running %2 s</source>
        <translation>Aufgabe %1 läuft seit %2 s</translation>
    </message>
    <message>
        <source>%1 on %2: %3 finished: %4</source>
        <translation>%1 auf %2: %3 beendet: %4</translation>
    </message>
    <message>
        <source>%1 on %2: %3 failed: %4</source>
        <translation>%1 auf %2: %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>%1 on %2 started.</source>
        <translation>%1 auf %2 gestartet.</translation>
    </message>
    <message>
        <source>%1 on %2 stopped.</source>
        <translation>%1 auf %2 gestoppt.</translation>
    </message>
    <message>
        <source>%1 on %2: %3 done.</source>
        <translation>%1 auf %2: %3 erledigt.</translation>
    </message>
    <message>
        <source>%1 on %2 is already running.</source>
        <translation>%1 auf %2 läuft bereits.</translation>
    </message>
    <message>
        <source>%1 on %2 is already stopped.</source>
        <translation>%1 auf %2 ist bereits gestoppt.</translation>
    </message>
    <message>
        <source>Check the target&apos;s state on %1 before trying again.</source>
        <translation>Prüfen Sie den Zustand des Ziels auf %1, bevor Sie es erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardFilterListModel</name>
    <message>
        <source>%1 (allowlist)</source>
        <translation>%1 (Zulassungsliste)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardMonitor</name>
    <message>
        <source>until re-enabled</source>
        <translation>bis zur Reaktivierung</translation>
    </message>
    <message>
        <source>Changing DNS protection on %1 failed: %2</source>
        <translation>Das Ändern des DNS-Schutzes auf %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>AdGuard Home action failed</source>
        <translation>AdGuard-Home-Aktion fehlgeschlagen</translation>
    </message>
    <message>
        <source>DNS protection on %1 was changed, but its state could not be read back: %2</source>
        <translation>Der DNS-Schutz auf %1 wurde geändert, aber sein Zustand konnte nicht zurückgelesen werden: %2</translation>
    </message>
    <message>
        <source>Check the protection state in AdGuard Home before trying again.</source>
        <translation>Prüfen Sie den Schutzzustand in AdGuard Home, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>DNS protection on %1 is on again.</source>
        <translation>Der DNS-Schutz auf %1 ist wieder an.</translation>
    </message>
    <message>
        <source>DNS protection on %1 is paused %2.</source>
        <translation>Der DNS-Schutz auf %1 ist %2 pausiert.</translation>
    </message>
    <message>
        <source>AdGuard Home %1 has no pause timer (added in v0.107.27): this app turns protection back on when the pause ends, but only while it is running.</source>
        <translation>AdGuard Home %1 hat keinen Pausen-Timer (seit v0.107.27): Diese App schaltet den Schutz am Ende der Pause wieder ein, aber nur, solange sie läuft.</translation>
    </message>
    <message>
        <source>AdGuard Home</source>
        <translation>AdGuard Home</translation>
    </message>
    <message>
        <source>AdGuard Home on %1 accepted the change, but protection is still %2.</source>
        <translation>AdGuard Home auf %1 hat die Änderung angenommen, aber der Schutz ist noch %2.</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message numerus="yes">
        <source>for %n hours</source>
        <translation>
            <numerusform>für %n Stunde</numerusform>
            <numerusform>für %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n minutes</source>
        <translation>
            <numerusform>für %n Minute</numerusform>
            <numerusform>für %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>for %n seconds</source>
        <translation>
            <numerusform>für %n Sekunde</numerusform>
            <numerusform>für %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardQueryLogModel</name>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardTopListModel</name>
    <message>
        <source>Queries</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>hlc::AdGuardView</name>
    <message>
        <source>Pause protection</source>
        <translation>Schutz pausieren</translation>
    </message>
    <message>
        <source>Resume protection</source>
        <translation>Schutz fortsetzen</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Blocked domain</source>
        <translation>Blockierte Domain</translation>
    </message>
    <message>
        <source>Blocked only</source>
        <translation>Nur blockierte</translation>
    </message>
    <message>
        <source>for 1 minute</source>
        <translation>für 1 Minute</translation>
    </message>
    <message>
        <source>for 10 minutes</source>
        <translation>für 10 Minuten</translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation>für 1 Stunde</translation>
    </message>
    <message>
        <source>until re-enabled</source>
        <translation>bis zur Reaktivierung</translation>
    </message>
    <message>
        <source>Client IP or domain</source>
        <translation>Client-IP oder Domain</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Schutz</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>DNS queries:</source>
        <translation>DNS-Anfragen:</translation>
    </message>
    <message>
        <source>Blocked by filters:</source>
        <translation>Von Filtern blockiert:</translation>
    </message>
    <message>
        <source>Blocked share:</source>
        <translation>Blockierter Anteil:</translation>
    </message>
    <message>
        <source>Safe browsing / parental:</source>
        <translation>Safe Browsing / Jugendschutz:</translation>
    </message>
    <message>
        <source>Average processing time:</source>
        <translation>Durchschnittliche Bearbeitungszeit:</translation>
    </message>
    <message>
        <source>Filter rules:</source>
        <translation>Filterregeln:</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Hours ago</source>
        <translation>Stunden zurück</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Query log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>Pause DNS protection</source>
        <translation>DNS-Schutz pausieren</translation>
    </message>
    <message>
        <source>Pause ad and tracker blocking on %1 %2? Every device using this DNS server is affected.</source>
        <translation>Werbe- und Tracker-Blockierung auf %1 %2 pausieren? Jedes Gerät, das diesen DNS-Server nutzt, ist betroffen.</translation>
    </message>
    <message>
        <source>Pausing protection…</source>
        <translation>Schutz wird pausiert…</translation>
    </message>
    <message>
        <source>Resuming protection…</source>
        <translation>Schutz wird fortgesetzt…</translation>
    </message>
    <message>
        <source>No AdGuard Home is configured.</source>
        <translation>Kein AdGuard Home konfiguriert.</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation>%1 % (%2 von %3)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>AdGuard Home %1 on %2, DNS %3</source>
        <translation>AdGuard Home %1 auf %2, DNS %3</translation>
    </message>
    <message>
        <source>Protection: unknown</source>
        <translation>Schutz: unbekannt</translation>
    </message>
    <message>
        <source>Protection: on</source>
        <translation>Schutz: an</translation>
    </message>
    <message>
        <source>Protection: paused</source>
        <translation>Schutz: pausiert</translation>
    </message>
    <message>
        <source>%1 left (this app ends the pause)</source>
        <translation>noch %1 (diese App beendet die Pause)</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>AdGuard Home %1 has no pause timer (added in v0.107.27): the app switches protection off and on, and a timed pause is ended by this app, only while it is running. Update AdGuard Home for pauses that end on the server.</source>
        <translation>AdGuard Home %1 hat keinen Pausen-Timer (seit v0.107.27): Die App schaltet den Schutz aus und ein, und eine befristete Pause beendet diese App nur, solange sie läuft. Aktualisieren Sie AdGuard Home für Pausen, die auf dem Server enden.</translation>
    </message>
    <message>
        <source>Days ago</source>
        <translation>Tage zurück</translation>
    </message>
    <message numerus="yes">
        <source>– (AdGuard Home counts %1 blocked of %Ln queries)</source>
        <translation>
            <numerusform>– (AdGuard Home zählt %1 blockierte von %Ln Anfrage)</numerusform>
            <numerusform>– (AdGuard Home zählt %1 blockierte von %Ln Anfragen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n enabled lists</source>
        <translation>
            <numerusform>%1 in %n aktivierten Liste</numerusform>
            <numerusform>%1 in %n aktivierten Listen</numerusform>
        </translation>
    </message>
    <message>
        <source>Top clients</source>
        <translation>Häufigste Clients</translation>
    </message>
    <message>
        <source>Top domains</source>
        <translation>Häufigste Domains</translation>
    </message>
    <message>
        <source>Top blocked domains</source>
        <translation>Häufigste blockierte Domains</translation>
    </message>
    <message>
        <source>Filter lists</source>
        <translation>Filterlisten</translation>
    </message>
    <message>
        <source>AdGuard Home</source>
        <translation>AdGuard Home</translation>
    </message>
</context>
<context>
    <name>hlc::AgentRunDialog</name>
    <message>
        <source>Run %1</source>
        <translation>%1 ausführen</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
</context>
<context>
    <name>hlc::AgentRunner</name>
    <message>
        <source>%1 (custom input)</source>
        <translation>%1 (eigene Eingabe)</translation>
    </message>
    <message>
        <source>No agent platform is configured.</source>
        <translation>Keine Agentenplattform konfiguriert.</translation>
    </message>
    <message>
        <source>Check the run history before starting it again.</source>
        <translation>Prüfen Sie den Ausführungsverlauf, bevor Sie sie erneut starten.</translation>
    </message>
    <message>
        <source>%1: start unknown</source>
        <translation>%1: Start unbekannt</translation>
    </message>
    <message>
        <source>%1 not started</source>
        <translation>%1 nicht gestartet</translation>
    </message>
    <message>
        <source>The live log stream failed; polling every 2 s.</source>
        <translation>Der Live-Log-Stream ist fehlgeschlagen; Abfrage alle 2 s.</translation>
    </message>
    <message>
        <source>The live log stream dropped; reconnecting…</source>
        <translation>Der Live-Log-Stream ist abgebrochen; Verbindung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Run %1 succeeded</source>
        <translation>Lauf %1 erfolgreich</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 beendet</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Run %1 failed.</source>
        <translation>Lauf %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <source>Run %1 was cancelled.</source>
        <translation>Lauf %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Run %1 not cancelled</source>
        <translation>Lauf %1 nicht abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n tokens</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AgentTrayMenu</name>
    <message>
        <source>Run agent</source>
        <translation>Agent ausführen</translation>
    </message>
    <message>
        <source>(agents not loaded yet)</source>
        <translation>(Agenten noch nicht geladen)</translation>
    </message>
    <message>
        <source>(no agent platform configured)</source>
        <translation>(keine Agentenplattform konfiguriert)</translation>
    </message>
    <message>
        <source>⚡ %1</source>
        <translation>⚡ %1</translation>
    </message>
</context>
<context>
    <name>hlc::AgentsTab</name>
    <message>
        <source>idle</source>
        <translation>untätig</translation>
    </message>
    <message>
        <source>busy (%1)</source>
        <translation>beschäftigt (%1)</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Quick actions</source>
        <translation>Schnellaktionen</translation>
    </message>
    <message>
        <source>No run selected: click a preset to start one.</source>
        <translation>Kein Lauf ausgewählt: Klicken Sie auf eine Vorlage, um einen zu starten.</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>The run&apos;s live log appears here.</source>
        <translation>Das Live-Log des Laufs erscheint hier.</translation>
    </message>
    <message>
        <source>The run&apos;s output (markdown) appears here when it finishes.</source>
        <translation>Die Ausgabe des Laufs (Markdown) erscheint hier, wenn er endet.</translation>
    </message>
    <message>
        <source>Cancel run?</source>
        <translation>Lauf abbrechen?</translation>
    </message>
    <message>
        <source>Cancel %1 (%2)? Work done so far is lost.</source>
        <translation>%1 (%2) abbrechen? Bisher erledigte Arbeit geht verloren.</translation>
    </message>
    <message>
        <source>Agent platform: %1</source>
        <translation>Agentenplattform: %1</translation>
    </message>
    <message>
        <source>%1 not started: %2</source>
        <translation>%1 nicht gestartet: %2</translation>
    </message>
    <message>
        <source>⚡ %1</source>
        <translation>⚡ %1</translation>
    </message>
    <message>
        <source>n8n on %1: %2 /webhook/%3</source>
        <translation>n8n auf %1: %2 /webhook/%3</translation>
    </message>
    <message>
        <source>Calling…</source>
        <translation>Wird aufgerufen…</translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>Agenten werden geladen…</translation>
    </message>
    <message>
        <source>No agent platform is configured (a service of kind &quot;agents&quot; in the configuration).</source>
        <translation>Keine Agentenplattform konfiguriert (ein Dienst der Art „agents“ in der Konfiguration).</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <source>▶ %1</source>
        <translation>▶ %1</translation>
    </message>
    <message>
        <source>Custom run…</source>
        <translation>Eigener Lauf…</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Last run: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2, %3</source>
        <translation>Letzter Lauf: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2, %3</translation>
    </message>
    <message>
        <source>Last run: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2</source>
        <translation>Letzter Lauf: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; %2</translation>
    </message>
    <message>
        <source>No runs yet</source>
        <translation>Noch keine Läufe</translation>
    </message>
    <message>
        <source>**Failed:** %1</source>
        <translation>**Fehlgeschlagen:** %1</translation>
    </message>
    <message>
        <source>*Cancelled.*</source>
        <translation>*Abgebrochen.*</translation>
    </message>
    <message numerus="yes">
        <source>

*%n tokens (%1 prompt, %2 completion)%3*
</source>
        <translation>
            <numerusform>

*%n Token (%1 Prompt, %2 Antwort)%3*
</numerusform>
            <numerusform>

*%n Token (%1 Prompt, %2 Antwort)%3*
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::AlertCenter</name>
    <message>
        <source>Still firing: %1</source>
        <translation>Feuert noch: %1</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Behoben: %1</translation>
    </message>
    <message>
        <source>%1 has stopped firing.</source>
        <translation>%1 feuert nicht mehr.</translation>
    </message>
    <message>
        <source>Silence not created</source>
        <translation>Stummschaltung nicht erstellt</translation>
    </message>
    <message>
        <source>No Alertmanager is configured: silences need one.</source>
        <translation>Kein Alertmanager konfiguriert: Stummschaltungen brauchen einen.</translation>
    </message>
    <message>
        <source>The alert is no longer known.</source>
        <translation>Der Alarm ist nicht mehr bekannt.</translation>
    </message>
    <message>
        <source>Silenced for %1 from Homelab Control Center by %2</source>
        <translation>Stummgeschaltet für %1 von Homelab Control Center durch %2</translation>
    </message>
    <message>
        <source>Silenced &quot;%1&quot; for %2.</source>
        <translation>„%1“ für %2 stummgeschaltet.</translation>
    </message>
    <message>
        <source>Alert silenced</source>
        <translation>Alarm stummgeschaltet</translation>
    </message>
    <message>
        <source>Silence expired</source>
        <translation>Stummschaltung abgelaufen</translation>
    </message>
    <message>
        <source>Silence not expired</source>
        <translation>Stummschaltung nicht beendet</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts changed</source>
        <translation>
            <numerusform>%n Alarm geändert</numerusform>
            <numerusform>%n Alarme geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Alertmanager still reports the silence as %1</source>
        <translation>Alertmanager meldet die Stummschaltung weiterhin als %1</translation>
    </message>
    <message>
        <source>The silence could not be read again: %1</source>
        <translation>Die Stummschaltung konnte nicht erneut gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>hlc::AlertInbox</name>
    <message>
        <source>Inbox: nothing needs attention</source>
        <translation>Eingang: nichts erfordert Aufmerksamkeit</translation>
    </message>
    <message numerus="yes">
        <source>Inbox: %n need attention</source>
        <translation>
            <numerusform>Eingang: %n erfordert Aufmerksamkeit</numerusform>
            <numerusform>Eingang: %n erfordern Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n acknowledged</source>
        <translation>
            <numerusform>%n bestätigt</numerusform>
            <numerusform>%n bestätigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n snoozed</source>
        <translation>
            <numerusform>%n zurückgestellt</numerusform>
            <numerusform>%n zurückgestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Container %1 is restarting over and over</source>
        <translation>Container %1 startet immer wieder neu</translation>
    </message>
    <message>
        <source>Container %1 is unhealthy</source>
        <translation>Container %1 ist nicht gesund</translation>
    </message>
    <message>
        <source>%1 does not answer</source>
        <translation>%1 antwortet nicht</translation>
    </message>
    <message>
        <source>Agent run failed: %1</source>
        <translation>Agentenlauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The snooze ended.</source>
        <translation>Die Zurückstellung ist beendet.</translation>
    </message>
    <message>
        <source>It cleared.</source>
        <translation>Es hat sich erledigt.</translation>
    </message>
    <message>
        <source>The acknowledgement reached its maximum time.</source>
        <translation>Die Bestätigung hat ihre Höchstdauer erreicht.</translation>
    </message>
    <message>
        <source>No Alertmanager is configured any more.</source>
        <translation>Es ist kein Alertmanager mehr konfiguriert.</translation>
    </message>
    <message>
        <source>Silence expired.</source>
        <translation>Stummschaltung beendet.</translation>
    </message>
    <message>
        <source>Silence %1 expired.</source>
        <translation>Stummschaltung %1 beendet.</translation>
    </message>
    <message>
        <source>This item is no longer in the inbox.</source>
        <translation>Dieser Eintrag ist nicht mehr im Eingang.</translation>
    </message>
    <message>
        <source>Acknowledged by %1 in Homelab Control Center until the alert resolves (at most until %2)</source>
        <translation>Bestätigt von %1 in Homelab Control Center, bis der Alarm aufgelöst ist (höchstens bis %2)</translation>
    </message>
    <message>
        <source>Acknowledged &quot;%1&quot; until it clears.</source>
        <translation>„%1“ bestätigt, bis es sich erledigt.</translation>
    </message>
    <message>
        <source>The snooze must end in the future.</source>
        <translation>Die Zurückstellung muss in der Zukunft enden.</translation>
    </message>
    <message>
        <source>Snoozed by %1 in Homelab Control Center</source>
        <translation>Zurückgestellt von %1 in Homelab Control Center</translation>
    </message>
    <message>
        <source>Snoozed by %1 in Homelab Control Center: %2</source>
        <translation>Zurückgestellt von %1 in Homelab Control Center: %2</translation>
    </message>
    <message>
        <source>Snoozed &quot;%1&quot; until %2.</source>
        <translation>„%1“ bis %2 zurückgestellt.</translation>
    </message>
    <message>
        <source>This item is not snoozed.</source>
        <translation>Dieser Eintrag ist nicht zurückgestellt.</translation>
    </message>
    <message>
        <source>Snooze ended by %1.</source>
        <translation>Zurückstellung beendet von %1.</translation>
    </message>
    <message>
        <source>Acknowledged &quot;%1&quot;: silenced until it resolves.</source>
        <translation>„%1“ bestätigt: stummgeschaltet, bis der Alarm aufgelöst ist.</translation>
    </message>
    <message>
        <source>The inbox state %1 cannot be read: %2</source>
        <translation>Der Zustand des Eingangs %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The inbox state %1 is not valid JSON; it is started empty.</source>
        <translation>Der Zustand des Eingangs %1 ist kein gültiges JSON; der Eingang beginnt leer.</translation>
    </message>
    <message>
        <source>The inbox state %1 cannot be written: %2</source>
        <translation>Der Zustand des Eingangs %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n suppressed</source>
        <translation>
            <numerusform>%n unterdrückt</numerusform>
            <numerusform>%n unterdrückt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n zurückgehalten</numerusform>
            <numerusform>%n zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Proxmox node %1 is offline</source>
        <translation>Proxmox-Knoten %1 ist offline</translation>
    </message>
    <message>
        <source>Reported by the cluster through %1.</source>
        <translation>Vom Cluster über %1 gemeldet.</translation>
    </message>
    <message>
        <source>Container %1 exited with code %2 while stack %3 is active</source>
        <translation>Container %1 wurde mit Code %2 beendet, während Stack %3 aktiv ist</translation>
    </message>
    <message>
        <source>the whole homelab</source>
        <translation>das ganze Homelab</translation>
    </message>
    <message>
        <source>Maintenance of %1</source>
        <translation>Wartung von %1</translation>
    </message>
    <message>
        <source>Maintenance of %1: %2</source>
        <translation>Wartung von %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Maintenance of %1 ended: %n notifications held</source>
        <translation>
            <numerusform>Wartung von %1 beendet: %n Benachrichtigung zurückgehalten</numerusform>
            <numerusform>Wartung von %1 beendet: %n Benachrichtigungen zurückgehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Held: %1</source>
        <translation>Zurückgehalten: %1</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>Ruhezeiten</translation>
    </message>
    <message>
        <source>maintenance of %1</source>
        <translation>Wartung von %1</translation>
    </message>
    <message>
        <source>The suppression expired.</source>
        <translation>Die Unterdrückung ist abgelaufen.</translation>
    </message>
    <message>
        <source>Cleared: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>It no longer needs attention.</source>
        <translation>Es braucht keine Aufmerksamkeit mehr.</translation>
    </message>
    <message>
        <source>Say why it is suppressed.</source>
        <translation>Bitte angeben, warum es unterdrückt wird.</translation>
    </message>
    <message>
        <source>The suppression must end in the future.</source>
        <translation>Die Unterdrückung muss in der Zukunft enden.</translation>
    </message>
    <message>
        <source>Suppressed by %1 in Homelab Control Center: %2</source>
        <translation>Unterdrückt von %1 in Homelab Control Center: %2</translation>
    </message>
    <message>
        <source>Suppressed &quot;%1&quot; until %2.</source>
        <translation>„%1“ bis %2 unterdrückt.</translation>
    </message>
    <message>
        <source>This item is not suppressed.</source>
        <translation>Dieser Eintrag ist nicht unterdrückt.</translation>
    </message>
    <message>
        <source>Suppression ended by %1.</source>
        <translation>Unterdrückung beendet von %1.</translation>
    </message>
    <message>
        <source>The suppression ended.</source>
        <translation>Die Unterdrückung ist beendet.</translation>
    </message>
    <message>
        <source>Guest %1 is stopped but marked to start at boot</source>
        <translation>Gast %1 ist gestoppt, soll aber beim Booten starten</translation>
    </message>
    <message>
        <source>Proxmox starts it when %1 boots, but it is not running now. Start it from the Guests tab of %2, or clear &quot;Start at boot&quot; if it is meant to stay off.</source>
        <translation>Proxmox startet ihn, wenn %1 bootet, aber er läuft gerade nicht. Starten Sie ihn im Reiter „Gäste“ von %2, oder schalten Sie „Beim Booten starten“ aus, wenn er aus bleiben soll.</translation>
    </message>
    <message>
        <source>Proxmox task %1 failed on %2</source>
        <translation>Proxmox-Aufgabe %1 auf %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Proxmox task %1 of guest %2 failed on %3</source>
        <translation>Proxmox-Aufgabe %1 von Gast %2 auf %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>It ended with: %1. Its log is in the Proxmox web interface (task %2).</source>
        <translation>Sie endete mit: %1. Ihr Protokoll steht in der Proxmox-Weboberfläche (Aufgabe %2).</translation>
    </message>
    <message>
        <source>Container %1 was restarted by Docker (restart count %2)</source>
        <translation>Container %1 wurde von Docker neu gestartet (Neustartzähler %2)</translation>
    </message>
    <message>
        <source>%1. It crashed and its restart policy started it again; this clears once it runs without another restart.</source>
        <translation>%1. Er ist abgestürzt und wurde von seiner Neustart-Richtlinie wieder gestartet; das erledigt sich, sobald er ohne weiteren Neustart läuft.</translation>
    </message>
    <message>
        <source>The certificate of %1 on %2 has expired</source>
        <translation>Das Zertifikat von %1 auf %2 ist abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>The certificate of %1 on %2 expires in %n days</source>
        <translation>
            <numerusform>Das Zertifikat von %1 auf %2 läuft in %n Tag ab</numerusform>
            <numerusform>Das Zertifikat von %1 auf %2 läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Valid until %1 (%2). Renew it on the server; if its fingerprint changes, trust the new one when the app asks.</source>
        <translation>Gültig bis %1 (%2). Erneuern Sie es auf dem Server; ändert sich sein Fingerabdruck, vertrauen Sie dem neuen, wenn die App fragt.</translation>
    </message>
</context>
<context>
    <name>hlc::AlertsModel</name>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>firing</source>
        <translation>feuert</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>behoben</translation>
    </message>
    <message>
        <source>inhibited</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>hlc::AlertsView</name>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Warning and critical</source>
        <translation>Warnung und kritisch</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Schweregrad:</translation>
    </message>
    <message>
        <source>Silence 1 h</source>
        <translation>1 h stummschalten</translation>
    </message>
    <message>
        <source>Silence 4 h</source>
        <translation>4 h stummschalten</translation>
    </message>
    <message>
        <source>Silence 24 h</source>
        <translation>24 h stummschalten</translation>
    </message>
    <message>
        <source>Silence failed: %1</source>
        <translation>Stummschalten fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No system tray is available: alerts and notifications are shown in this window only.</source>
        <translation>Kein Systembereich (Tray) verfügbar: Alarme und Benachrichtigungen erscheinen nur in diesem Fenster.</translation>
    </message>
    <message>
        <source>Silences need an Alertmanager; none is configured.</source>
        <translation>Stummschaltungen brauchen einen Alertmanager; keiner ist konfiguriert.</translation>
    </message>
    <message>
        <source>No Prometheus or Alertmanager is configured: there are no alerts to show.</source>
        <translation>Kein Prometheus oder Alertmanager konfiguriert: Es gibt keine Alarme anzuzeigen.</translation>
    </message>
    <message>
        <source>Alerts could not be read: %1</source>
        <translation>Alarme konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No Alertmanager is configured: alerts come from Prometheus, and cannot be silenced.</source>
        <translation>Kein Alertmanager konfiguriert: Alarme kommen von Prometheus und können nicht stummgeschaltet werden.</translation>
    </message>
    <message>
        <source>Creating the silence...</source>
        <translation>Stummschaltung wird erstellt...</translation>
    </message>
    <message>
        <source>Expire silence…</source>
        <translation>Stummschaltung beenden…</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <source>End the selected silence now: its alerts notify again</source>
        <translation>Die gewählte Stummschaltung jetzt beenden: Ihre Alarme benachrichtigen wieder</translation>
    </message>
    <message>
        <source>&lt;b&gt;Silences&lt;/b&gt;</source>
        <translation>&lt;b&gt;Stummschaltungen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Silence %1 expired: Alertmanager reports it ended.</source>
        <translation>Stummschaltung %1 beendet: Alertmanager meldet sie als abgelaufen.</translation>
    </message>
    <message>
        <source>Silence %1 not expired: %2</source>
        <translation>Stummschaltung %1 nicht beendet: %2</translation>
    </message>
    <message>
        <source>No alert is firing. Prometheus answered %1.</source>
        <translation>Kein Alarm ist aktiv. Prometheus hat %1 geantwortet.</translation>
    </message>
    <message>
        <source>No alert is firing. Alertmanager at %1 answered %2.</source>
        <translation>Kein Alarm ist aktiv. Alertmanager unter %1 hat %2 geantwortet.</translation>
    </message>
    <message>
        <source>pending (from %1)</source>
        <translation>geplant (ab %1)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>No silence is active or pending.</source>
        <translation>Keine Stummschaltung ist aktiv oder geplant.</translation>
    </message>
    <message>
        <source>Reading the silences…</source>
        <translation>Stummschaltungen werden gelesen…</translation>
    </message>
    <message>
        <source>Expire silence</source>
        <translation>Stummschaltung beenden</translation>
    </message>
    <message>
        <source>Expire the silence on %1 now? Its alerts notify again.</source>
        <translation>Die Stummschaltung für %1 jetzt beenden? Ihre Alarme benachrichtigen wieder.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation>Abgebrochen: Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>Expiring the silence…</source>
        <translation>Stummschaltung wird beendet…</translation>
    </message>
</context>
<context>
    <name>hlc::ApiCall</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet.</translation>
    </message>
    <message>
        <source>%1 sent a response larger than %2 MB; it was not read.</source>
        <translation>%1 hat eine Antwort größer als %2 MB gesendet; sie wurde nicht gelesen.</translation>
    </message>
    <message>
        <source>The action may or may not have been carried out: check its current state before trying again.</source>
        <translation>Die Aktion wurde möglicherweise ausgeführt oder auch nicht: Prüfen Sie den aktuellen Zustand, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The connection to %1 was lost after the request was sent, before an answer came.</source>
        <translation>Die Verbindung zu %1 ging nach dem Senden der Anfrage verloren, bevor eine Antwort kam.</translation>
    </message>
</context>
<context>
    <name>hlc::ApiClient</name>
    <message>
        <source>No valid address is configured for this service.</source>
        <translation>Für diesen Dienst ist keine gültige Adresse konfiguriert.</translation>
    </message>
    <message>
        <source>No secret is available for %1: enter it in the settings.</source>
        <translation>Für %1 ist kein Geheimnis verfügbar: Geben Sie es in den Einstellungen ein.</translation>
    </message>
    <message>
        <source>%1 answered with a redirect (HTTP %2); redirects are not followed. Check the address.</source>
        <translation>%1 antwortete mit einer Weiterleitung (HTTP %2); Weiterleitungen werden nicht verfolgt. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>%1 rejected the credentials (HTTP 401). Check the token or password.</source>
        <translation>%1 hat die Zugangsdaten abgelehnt (HTTP 401). Prüfen Sie Token oder Passwort.</translation>
    </message>
    <message>
        <source>%1 denied access (HTTP 403): the account lacks a permission.</source>
        <translation>%1 hat den Zugriff verweigert (HTTP 403): Dem Konto fehlt eine Berechtigung.</translation>
    </message>
    <message>
        <source>%1 does not know %2 (HTTP 404).</source>
        <translation>%1 kennt %2 nicht (HTTP 404).</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2 %3).</source>
        <translation>%1 hat die Anfrage abgelehnt (HTTP %2 %3).</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Could not connect to %1: connection refused. Is the service running?</source>
        <translation>Keine Verbindung zu %1: Verbindung abgelehnt. Läuft der Dienst?</translation>
    </message>
    <message>
        <source>%1 closed the connection before answering.</source>
        <translation>%1 hat die Verbindung vor der Antwort geschlossen.</translation>
    </message>
    <message>
        <source>The host name %1 could not be resolved.</source>
        <translation>Der Hostname %1 konnte nicht aufgelöst werden.</translation>
    </message>
    <message>
        <source>Network error talking to %1: %2</source>
        <translation>Netzwerkfehler bei der Verbindung mit %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1, %2</source>
        <translation>HTTP %1, %2</translation>
    </message>
    <message>
        <source>HTTP %1, a page titled “%2”</source>
        <translation>HTTP %1, eine Seite mit dem Titel „%2“</translation>
    </message>
    <message>
        <source>%1 sent a web page instead of the API&apos;s answer (%2): is a login page or a proxy with single sign-on in front of %3? Let the API path through without the login (e.g. a bypass rule in the proxy), or use the service&apos;s own address.</source>
        <translation>%1 hat eine Webseite statt der Antwort der API geschickt (%2): Steht eine Anmeldeseite oder ein Proxy mit Single Sign-on vor %3? Lassen Sie den Pfad der API ohne Anmeldung durch (z. B. mit einer Ausnahmeregel im Proxy) oder verwenden Sie die eigene Adresse des Dienstes.</translation>
    </message>
    <message>
        <source>%1 answered with %2 instead of the API&apos;s JSON: something other than the service answers at this address (a proxy, another program on the port). Check the address and the port.</source>
        <translation>%1 hat mit %2 statt mit dem JSON der API geantwortet: Unter dieser Adresse antwortet etwas anderes als der Dienst (ein Proxy, ein anderes Programm auf dem Port). Prüfen Sie Adresse und Port.</translation>
    </message>
    <message numerus="yes">
        <source>%1 asked for a pause (HTTP 429, Retry-After): the next request goes out in %n s.</source>
        <translation>
            <numerusform>%1 hat um eine Pause gebeten (HTTP 429, Retry-After): die nächste Anfrage geht in %n s hinaus.</numerusform>
            <numerusform>%1 hat um eine Pause gebeten (HTTP 429, Retry-After): die nächste Anfrage geht in %n s hinaus.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 sent the request to a login page (HTTP %2): a proxy with single sign-on is in front of the API. Let the API path through without the login, or use the service&apos;s own address.</source>
        <translation>%1 hat die Anfrage an eine Anmeldeseite weitergeleitet (HTTP %2): Vor der API steht ein Proxy mit Single Sign-on. Lassen Sie den Pfad der API ohne Anmeldung durch oder verwenden Sie die eigene Adresse des Dienstes.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is rate limiting requests (HTTP 429): the app waits %n s, as it asked (Retry-After), before asking again.</source>
        <translation>
            <numerusform>%1 begrenzt die Anfragen (HTTP 429): Die App wartet wie verlangt %n s (Retry-After), bevor sie wieder fragt.</numerusform>
            <numerusform>%1 begrenzt die Anfragen (HTTP 429): Die App wartet wie verlangt %n s (Retry-After), bevor sie wieder fragt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is rate limiting requests (HTTP 429); the app asks less often until it answers again.</source>
        <translation>%1 begrenzt die Anfragen (HTTP 429); die App fragt seltener, bis wieder Antworten kommen.</translation>
    </message>
    <message>
        <source>The proxy at %1 could not reach the service behind it (HTTP 502 %2): is the service running, and does the proxy point at the right address?</source>
        <translation>Der Proxy unter %1 hat den Dienst dahinter nicht erreicht (HTTP 502 %2): Läuft der Dienst, und zeigt der Proxy auf die richtige Adresse?</translation>
    </message>
    <message>
        <source>%1 is unavailable for now (HTTP 503 %2): it may be starting or overloaded; the app asks again.</source>
        <translation>%1 ist gerade nicht verfügbar (HTTP 503 %2): Er startet vielleicht oder ist überlastet; die App fragt erneut.</translation>
    </message>
    <message>
        <source>The proxy at %1 gave up waiting for the service behind it (HTTP 504 %2): is the service overloaded or down?</source>
        <translation>Der Proxy unter %1 hat das Warten auf den Dienst dahinter aufgegeben (HTTP 504 %2): Ist der Dienst überlastet oder ausgefallen?</translation>
    </message>
    <message>
        <source>%1 reported a server error (HTTP %2 %3): its log says why; the app asks again.</source>
        <translation>%1 hat einen Serverfehler gemeldet (HTTP %2 %3): Sein Protokoll nennt den Grund; die App fragt erneut.</translation>
    </message>
</context>
<context>
    <name>hlc::AppPreferences</name>
    <message>
        <source>The autostart file %1 could not be removed.</source>
        <translation>Die Autostart-Datei %1 konnte nicht entfernt werden.</translation>
    </message>
    <message>
        <source>The folder of %1 could not be created.</source>
        <translation>Der Ordner von %1 konnte nicht erstellt werden.</translation>
    </message>
    <message>
        <source>The autostart file %1 could not be written: %2</source>
        <translation>Die Autostart-Datei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>hlc::AppSession</name>
    <message>
        <source>The configuration was not loaded and has not been changed: %1</source>
        <translation>Die Konfiguration wurde nicht geladen und ist unverändert: %1</translation>
    </message>
    <message>
        <source>The configuration file has a problem and is left untouched; fix it first: %1</source>
        <translation>Die Konfigurationsdatei hat ein Problem und bleibt unangetastet; beheben Sie es zuerst: %1</translation>
    </message>
</context>
<context>
    <name>hlc::AttentionBar</name>
    <message>
        <source>%1 on %2: the certificate is not trusted yet.</source>
        <translation>%1 auf %2: Dem Zertifikat wird noch nicht vertraut.</translation>
    </message>
    <message>
        <source>%1 on %2: the certificate has CHANGED since you trusted it. Nothing is sent until you decide.</source>
        <translation>%1 auf %2: Das Zertifikat hat sich GEÄNDERT, seit Sie ihm vertraut haben. Nichts wird gesendet, bis Sie entscheiden.</translation>
    </message>
    <message>
        <source>%1 on %2 needs a secret.</source>
        <translation>%1 auf %2 braucht ein Geheimnis.</translation>
    </message>
    <message>
        <source>%1 on %2 refused the stored secret (401).</source>
        <translation>%1 auf %2 hat das gespeicherte Geheimnis abgelehnt (401).</translation>
    </message>
    <message>
        <source>The system keychain is unavailable.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>The system keychain is unavailable: %1</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Review certificate…</source>
        <translation>Zertifikat prüfen…</translation>
    </message>
    <message>
        <source>Review changed certificate…</source>
        <translation>Geändertes Zertifikat prüfen…</translation>
    </message>
    <message>
        <source>Enter secret…</source>
        <translation>Geheimnis eingeben…</translation>
    </message>
    <message>
        <source>Options…</source>
        <translation>Optionen…</translation>
    </message>
    <message>
        <source>%1 on %2 needs a two-factor code to log in.</source>
        <translation>%1 auf %2 braucht einen Zwei-Faktor-Code zur Anmeldung.</translation>
    </message>
    <message>
        <source>%1 on %2: the login with the code failed. %3</source>
        <translation>%1 auf %2: Die Anmeldung mit dem Code ist fehlgeschlagen. %3</translation>
    </message>
    <message>
        <source>Enter code…</source>
        <translation>Code eingeben…</translation>
    </message>
</context>
<context>
    <name>hlc::AttentionStrip</name>
    <message>
        <source>%1: certificate not trusted yet</source>
        <translation>%1: Zertifikat noch nicht vertraut</translation>
    </message>
    <message>
        <source>%1: certificate changed since you trusted it</source>
        <translation>%1: Zertifikat hat sich seit der Bestätigung geändert</translation>
    </message>
    <message>
        <source>%1 needs a secret</source>
        <translation>%1 benötigt ein Geheimnis</translation>
    </message>
    <message>
        <source>%1 refused the stored secret</source>
        <translation>%1 hat das gespeicherte Geheimnis abgelehnt</translation>
    </message>
    <message>
        <source>%1 needs a two-factor code</source>
        <translation>%1 benötigt einen Zwei-Faktor-Code</translation>
    </message>
    <message>
        <source>The system keychain is unavailable</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar</translation>
    </message>
    <message>
        <source>%1: certificate expired</source>
        <translation>%1: Zertifikat abgelaufen</translation>
    </message>
    <message>
        <source>%1: certificate expires in %2 days</source>
        <translation>%1: Zertifikat läuft in %2 Tagen ab</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <source>Service down: %1</source>
        <translation>Dienst ausgefallen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Proxmox node is down</source>
        <translation>Proxmox-Knoten ist ausgefallen</translation>
    </message>
    <message>
        <source>Proxmox unreachable: data is stale</source>
        <translation>Proxmox nicht erreichbar: Daten veraltet</translation>
    </message>
    <message>
        <source>Proxmox unreachable</source>
        <translation>Proxmox nicht erreichbar</translation>
    </message>
    <message>
        <source>Portainer unreachable: containers are stale</source>
        <translation>Portainer nicht erreichbar: Container-Daten veraltet</translation>
    </message>
    <message>
        <source>Alerts cannot be read: %1</source>
        <translation>Alarme können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no alert source configured</source>
        <translation>keine Alarmquelle konfiguriert</translation>
    </message>
    <message>
        <source>no alert firing</source>
        <translation>kein Alarm aktiv</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts firing below critical</source>
        <translation>
            <numerusform>%n Alarm unterhalb von kritisch aktiv</numerusform>
            <numerusform>%n Alarme unterhalb von kritisch aktiv</numerusform>
        </translation>
    </message>
    <message>
        <source>All is well: %1, %2, %3.</source>
        <translation>Alles in Ordnung: %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n hosts</source>
        <translation>
            <numerusform>%n Host</numerusform>
            <numerusform>%n Hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guests</source>
        <translation>
            <numerusform>%n Gast</numerusform>
            <numerusform>%n Gäste</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs attention (%1)</source>
        <translation>Benötigt Aufmerksamkeit (%1)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>and %1 more in the Inbox</source>
        <translation>und %1 weitere im Posteingang</translation>
    </message>
</context>
<context>
    <name>hlc::AuditLog</name>
    <message>
        <source>The audit log %1 could not be written: %2</source>
        <translation>Das Audit-Log %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The audit log in %1 could not be moved to %2: %3. It was left where it is; move it by hand.</source>
        <translation>Das Audit-Log in %1 konnte nicht nach %2 verschoben werden: %3. Es wurde dort belassen; verschieben Sie es von Hand.</translation>
    </message>
    <message>
        <source>Your audit log was moved from %1 to %2.</source>
        <translation>Ihr Audit-Log wurde von %1 nach %2 verschoben.</translation>
    </message>
</context>
<context>
    <name>hlc::AuditLogView</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Stored in %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
</context>
<context>
    <name>hlc::CertificateTrustDialog</name>
    <message>
        <source>Certificate changed</source>
        <translation>Zertifikat geändert</translation>
    </message>
    <message>
        <source>Trust this certificate?</source>
        <translation>Diesem Zertifikat vertrauen?</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 on %2 has changed.&lt;/b&gt; It no longer matches the one you trusted. Nothing is sent to this service (no request, no secret) until you decide. This is expected after the certificate was renewed or the server reinstalled; otherwise someone may be intercepting the connection.</source>
        <translation>&lt;b&gt;Das Zertifikat von %1 auf %2 hat sich geändert.&lt;/b&gt; Es stimmt nicht mehr mit dem überein, dem Sie vertraut haben. An diesen Dienst wird nichts gesendet (keine Anfrage, kein Geheimnis), bis Sie entscheiden. Das ist normal, nachdem das Zertifikat erneuert oder der Server neu installiert wurde; andernfalls fängt vielleicht jemand die Verbindung ab.</translation>
    </message>
    <message>
        <source>%1 on %2 presented a certificate that is not signed by an authority this computer trusts (self-signed certificates are common in a homelab). Compare the fingerprint below with the one shown on the server before you trust it.</source>
        <translation>%1 auf %2 hat ein Zertifikat vorgelegt, das nicht von einer Stelle signiert ist, der dieser Computer vertraut (selbstsignierte Zertifikate sind im Homelab üblich). Vergleichen Sie den Fingerabdruck unten mit dem auf dem Server, bevor Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) auf %3</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>%1 (self-signed)</source>
        <translation>%1 (selbstsigniert)</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Names:</source>
        <translation>Namen:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Trusted (old) SHA-256:</source>
        <translation>Vertrauter (alter) SHA-256:</translation>
    </message>
    <message>
        <source>Presented (new) SHA-256:</source>
        <translation>Vorgelegter (neuer) SHA-256:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>I verified the new certificate on the server</source>
        <translation>Ich habe das neue Zertifikat auf dem Server geprüft</translation>
    </message>
    <message>
        <source>Replace pin</source>
        <translation>Pin ersetzen</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
</context>
<context>
    <name>hlc::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command, a guest, a stack, an entity or a tab…</source>
        <translation>Befehl, Gast, Stack, Entität oder Reiter eingeben…</translation>
    </message>
    <message>
        <source>↑↓ choose · Enter run · Esc close · actions that change something ask first</source>
        <translation>↑↓ wählen · Eingabe ausführen · Esc schließen · Aktionen, die etwas ändern, fragen vorher nach</translation>
    </message>
    <message>
        <source>%1 (asks before it changes anything)</source>
        <translation>%1 (fragt nach, bevor etwas geändert wird)</translation>
    </message>
    <message>
        <source>Nothing matches “%1”.</source>
        <translation>Nichts passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>hlc::ConfigReader</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>eine Ganzzahl</translation>
    </message>
    <message>
        <source>a decimal number</source>
        <translation>eine Dezimalzahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>an unsupported value</source>
        <translation>ein nicht unterstützter Wert</translation>
    </message>
    <message>
        <source>Wrong type: expected %1, found %2.</source>
        <translation>Falscher Typ: %1 erwartet, %2 gefunden.</translation>
    </message>
    <message>
        <source>This field is missing: add it as %1.</source>
        <translation>Dieses Feld fehlt: Fügen Sie es als %1 hinzu.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>The number is too large.</source>
        <translation>Die Zahl ist zu groß.</translation>
    </message>
    <message>
        <source>The value is nested too deeply (more than %1 levels).</source>
        <translation>Der Wert ist zu tief verschachtelt (mehr als %1 Ebenen).</translation>
    </message>
    <message>
        <source>Unknown service kind &quot;%1&quot;. Use one of: %2.</source>
        <translation>Unbekannte Dienstart „%1“. Verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <source>Unknown auth scheme &quot;%1&quot;. Use one of: %2.</source>
        <translation>Unbekanntes Authentifizierungsschema „%1“. Verwenden Sie eines von: %2.</translation>
    </message>
    <message>
        <source>The file must contain one JSON object ({ ... }), found %1.</source>
        <translation>Die Datei muss ein JSON-Objekt ({ ... }) enthalten, gefunden: %1.</translation>
    </message>
    <message>
        <source>This file was written by a newer version of the application (format %1; this version reads format %2). Update the application; the file was not changed.</source>
        <translation>Diese Datei wurde von einer neueren Version der Anwendung geschrieben (Format %1; diese Version liest Format %2). Aktualisieren Sie die Anwendung; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The configuration file does not exist. Create it in the application or copy the example configuration to this place.</source>
        <translation>Die Konfigurationsdatei existiert nicht. Erstellen Sie sie in der Anwendung oder kopieren Sie die Beispielkonfiguration an diesen Ort.</translation>
    </message>
    <message>
        <source>The file is too large for a configuration file (more than %1 MB).</source>
        <translation>Die Datei ist zu groß für eine Konfigurationsdatei (mehr als %1 MB).</translation>
    </message>
    <message>
        <source>The file cannot be read: %1. Check its permissions.</source>
        <translation>Die Datei kann nicht gelesen werden: %1. Prüfen Sie ihre Berechtigungen.</translation>
    </message>
    <message>
        <source>The file cannot be read: %1.</source>
        <translation>Die Datei kann nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1). Fix the syntax at this position.</source>
        <translation>Die Datei ist kein gültiges JSON (%1). Korrigieren Sie die Syntax an dieser Stelle.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1). Fix the value.</source>
        <translation>Die Datei ist kein gültiges JSON (%1). Korrigieren Sie den Wert.</translation>
    </message>
    <message>
        <source>The file could not be read as a configuration file.</source>
        <translation>Die Datei konnte nicht als Konfigurationsdatei gelesen werden.</translation>
    </message>
    <message>
        <source>an object of strings</source>
        <translation>ein Objekt aus Zeichenketten</translation>
    </message>
</context>
<context>
    <name>hlc::ConfigStore</name>
    <message>
        <source>The configuration at %1 could not be moved to %2: %3 It was left where it is; move it by hand.</source>
        <translation>Die Konfiguration unter %1 konnte nicht nach %2 verschoben werden: %3 Sie bleibt, wo sie ist; verschieben Sie sie von Hand.</translation>
    </message>
    <message>
        <source>Your configuration was moved from %1 to %2, where this version keeps it.</source>
        <translation>Ihre Konfiguration wurde von %1 nach %2 verschoben, wo diese Version sie ablegt.</translation>
    </message>
</context>
<context>
    <name>hlc::ConfigValidator</name>
    <message>
        <source>Secrets do not belong in the configuration file: remove &quot;%1&quot; from the file and enter the secret in the application, which keeps it in the system keychain.</source>
        <translation>Geheimnisse gehören nicht in die Konfigurationsdatei: Entfernen Sie „%1“ aus der Datei und geben Sie das Geheimnis in der Anwendung ein, die es im System-Schlüsselbund ablegt.</translation>
    </message>
    <message>
        <source>The service id must not be empty.</source>
        <translation>Die Dienst-ID darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The service id &quot;%1&quot; may only contain lower-case letters, digits and &apos;-&apos;.</source>
        <translation>Die Dienst-ID „%1“ darf nur Kleinbuchstaben, Ziffern und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address: write an absolute http:// or https:// URL with a host, e.g. https://192.168.16.7:8006/api2/json.</source>
        <translation>„%1“ ist keine verwendbare Adresse: Schreiben Sie eine absolute http://- oder https://-URL mit Host, z. B. https://192.168.16.7:8006/api2/json.</translation>
    </message>
    <message>
        <source>The timeout %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation>Das Zeitlimit %1 ms liegt außerhalb des Bereichs: Verwenden Sie %2 bis %3 Millisekunden.</translation>
    </message>
    <message>
        <source>The certificate pin must be the SHA-256 fingerprint of the server certificate as 64 hexadecimal characters, or empty.</source>
        <translation>Der Zertifikats-Pin muss der SHA-256-Fingerabdruck des Serverzertifikats als 64 Hexadezimalzeichen sein, oder leer.</translation>
    </message>
    <message>
        <source>The Portainer environment id must not be negative.</source>
        <translation>Die Portainer-Umgebungs-ID darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>&quot;cluster&quot; applies to Proxmox services only: remove it from this %1 service.</source>
        <translation>„cluster“ gilt nur für Proxmox-Dienste: Entfernen Sie es aus diesem %1-Dienst.</translation>
    </message>
    <message>
        <source>The cluster name &quot;%1&quot; must not be blank or start or end with a space: write it exactly as on the other nodes of the cluster.</source>
        <translation>Der Clustername „%1“ darf nicht leer sein und nicht mit einem Leerzeichen beginnen oder enden: Schreiben Sie ihn genau wie auf den anderen Knoten des Clusters.</translation>
    </message>
    <message>
        <source>This host is a node of cluster &quot;%1&quot;: set &quot;proxmoxNode&quot; to its PVE node name.</source>
        <translation>Dieser Host ist ein Knoten des Clusters „%1“: Setzen Sie „proxmoxNode“ auf seinen PVE-Knotennamen.</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; of cluster &quot;%2&quot; is already host &quot;%3&quot;: give every node of a cluster its own host and node name.</source>
        <translation>Der Knoten „%1“ des Clusters „%2“ ist bereits Host „%3“: Geben Sie jedem Knoten eines Clusters einen eigenen Host und Knotennamen.</translation>
    </message>
    <message>
        <source>This file was written by a newer version of the application (format %1; this version reads format %2). Update the application; the file was not changed.</source>
        <translation>Diese Datei wurde von einer neueren Version der Anwendung geschrieben (Format %1; diese Version liest Format %2). Aktualisieren Sie die Anwendung; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>Unsupported format version %1: this version reads format %2. Set &quot;version&quot; to %2.</source>
        <translation>Nicht unterstützte Formatversion %1: Diese Version liest Format %2. Setzen Sie „version“ auf %2.</translation>
    </message>
    <message>
        <source>The refresh interval %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation>Das Aktualisierungsintervall %1 ms liegt außerhalb des Bereichs: Verwenden Sie %2 bis %3 Millisekunden.</translation>
    </message>
    <message>
        <source>The host id must not be empty.</source>
        <translation>Die Host-ID darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The host id &quot;%1&quot; may only contain lower-case letters, digits and &apos;-&apos;.</source>
        <translation>Die Host-ID „%1“ darf nur Kleinbuchstaben, Ziffern und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <source>The host id &quot;%1&quot; is already used by hosts[%2]: give every host its own id.</source>
        <translation>Die Host-ID „%1“ wird bereits von hosts[%2] verwendet: Geben Sie jedem Host eine eigene ID.</translation>
    </message>
    <message>
        <source>The service id &quot;%1&quot; is already used by services[%2] of this host: give every service of a host its own id.</source>
        <translation>Die Dienst-ID „%1“ wird bereits von services[%2] dieses Hosts verwendet: Geben Sie jedem Dienst eines Hosts eine eigene ID.</translation>
    </message>
    <message>
        <source>&quot;prometheusMatch&quot; applies to Prometheus services only: remove it from this %1 service.</source>
        <translation>&quot;prometheusMatch&quot; gilt nur für Prometheus-Dienste: entfernen Sie es bei diesem %1-Dienst.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable label name: use letters, digits and &apos;_&apos;, not starting with a digit or &quot;__&quot;, e.g. &quot;job&quot;.</source>
        <translation>&quot;%1&quot; ist kein brauchbarer Label-Name: Buchstaben, Ziffern und &apos;_&apos; verwenden, nicht mit einer Ziffer oder &quot;__&quot; beginnend, z. B. &quot;job&quot;.</translation>
    </message>
    <message>
        <source>The value of label &quot;%1&quot; must not be empty (an empty value matches every series without that label).</source>
        <translation>Der Wert des Labels &quot;%1&quot; darf nicht leer sein (ein leerer Wert passt auf jede Serie ohne dieses Label).</translation>
    </message>
</context>
<context>
    <name>hlc::ConfigWriter</name>
    <message>
        <source>Not saved: the existing file was left untouched because it has a problem: %1 Fix or move the file, then save again.</source>
        <translation>Nicht gespeichert: Die vorhandene Datei bleibt unangetastet, weil sie ein Problem hat: %1 Korrigieren oder verschieben Sie die Datei und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created. Check the permissions of its parent folder.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden. Prüfen Sie die Berechtigungen des übergeordneten Ordners.</translation>
    </message>
    <message>
        <source>The file cannot be written: %1.</source>
        <translation>Die Datei kann nicht geschrieben werden: %1.</translation>
    </message>
    <message>
        <source>The file permissions cannot be set: %1.</source>
        <translation>Die Dateiberechtigungen können nicht gesetzt werden: %1.</translation>
    </message>
</context>
<context>
    <name>hlc::ConnectionTester</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address.</source>
        <translation>„%1“ ist keine verwendbare Adresse.</translation>
    </message>
    <message>
        <source>Write an absolute http:// or https:// URL with a host, e.g. https://192.168.1.10:8006%1.</source>
        <translation>Schreiben Sie eine absolute http://- oder https://-URL mit Host, z. B. https://192.168.1.10:8006%1.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>The secret would travel unencrypted over http:// to %1; nothing was sent.</source>
        <translation>Das Geheimnis würde unverschlüsselt über http:// an %1 gehen; nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Use https:// if the service offers it, or tick &quot;allow unencrypted on this network&quot; for this service if you trust every device on the network.</source>
        <translation>Verwenden Sie https://, wenn der Dienst es anbietet, oder kreuzen Sie für diesen Dienst „Unverschlüsselt in diesem Netz erlauben“ an, wenn Sie jedem Gerät im Netz vertrauen.</translation>
    </message>
    <message>
        <source>Unencrypted http:// allowed for this service: the secret is readable on the network.</source>
        <translation>Unverschlüsseltes http:// für diesen Dienst erlaubt: Das Geheimnis ist im Netz lesbar.</translation>
    </message>
    <message>
        <source>Name resolution of %1</source>
        <translation>Namensauflösung von %1</translation>
    </message>
    <message>
        <source>The name could not be resolved: %1</source>
        <translation>Der Name konnte nicht aufgelöst werden: %1</translation>
    </message>
    <message>
        <source>Check the spelling, or use the host&apos;s IP address.</source>
        <translation>Prüfen Sie die Schreibweise oder verwenden Sie die IP-Adresse des Hosts.</translation>
    </message>
    <message>
        <source>TCP connect to %1:%2</source>
        <translation>TCP-Verbindung zu %1:%2</translation>
    </message>
    <message>
        <source>No answer to the connection attempt within %1 s.</source>
        <translation>Keine Antwort auf den Verbindungsversuch innerhalb von %1 s.</translation>
    </message>
    <message>
        <source>Check that the host is on and that no firewall drops the port.</source>
        <translation>Prüfen Sie, ob der Host eingeschaltet ist und keine Firewall den Port verwirft.</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>Connection refused: nothing listens there.</source>
        <translation>Verbindung abgelehnt: Dort lauscht nichts.</translation>
    </message>
    <message>
        <source>Check the port, and that the service is running and listens on this address, not only on localhost.</source>
        <translation>Prüfen Sie den Port und ob der Dienst läuft und auf dieser Adresse lauscht, nicht nur auf localhost.</translation>
    </message>
    <message>
        <source>The connection attempt timed out.</source>
        <translation>Der Verbindungsversuch hat das Zeitlimit überschritten.</translation>
    </message>
    <message>
        <source>Check the address and the network path to the host.</source>
        <translation>Prüfen Sie die Adresse und den Netzwerkweg zum Host.</translation>
    </message>
    <message>
        <source>TLS with %1</source>
        <translation>TLS mit %1</translation>
    </message>
    <message>
        <source>The TLS handshake did not complete within %1 s.</source>
        <translation>Der TLS-Handshake wurde nicht innerhalb von %1 s abgeschlossen.</translation>
    </message>
    <message>
        <source>Check that the port speaks https (try http:// if the service has no TLS).</source>
        <translation>Prüfen Sie, ob der Port https spricht (versuchen Sie http://, wenn der Dienst kein TLS hat).</translation>
    </message>
    <message>
        <source>The certificate changed: it is not the one you trusted. Trusted: %1. Now: %2.</source>
        <translation>Das Zertifikat hat sich geändert: Es ist nicht das, dem Sie vertraut haben. Vertraut: %1. Jetzt: %2.</translation>
    </message>
    <message>
        <source>Nothing was sent. If you renewed the certificate yourself, compare the new fingerprint on the server and replace the pin; otherwise someone may be in between.</source>
        <translation>Nichts wurde gesendet. Wenn Sie das Zertifikat selbst erneuert haben, vergleichen Sie den neuen Fingerabdruck auf dem Server und ersetzen Sie den Pin; andernfalls sitzt vielleicht jemand dazwischen.</translation>
    </message>
    <message>
        <source>The certificate is outside its validity (%1 to %2).</source>
        <translation>Das Zertifikat ist außerhalb seiner Gültigkeit (%1 bis %2).</translation>
    </message>
    <message>
        <source>Renew the certificate on the server (and check this computer&apos;s clock), or trust this exact certificate.</source>
        <translation>Erneuern Sie das Zertifikat auf dem Server (und prüfen Sie die Uhr dieses Computers) oder vertrauen Sie genau diesem Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate is not trusted by this system (%1). SHA-256: %2</source>
        <translation>Diesem Zertifikat vertraut das System nicht (%1). SHA-256: %2</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one the server shows (e.g. Proxmox: Datacenter &gt; Node &gt; Certificates) and trust this certificate.</source>
        <translation>Vergleichen Sie den Fingerabdruck mit dem, den der Server zeigt (z. B. Proxmox: Rechenzentrum &gt; Knoten &gt; Zertifikate), und vertrauen Sie diesem Zertifikat.</translation>
    </message>
    <message>
        <source>The certificate is valid but not for &quot;%1&quot;; it names: %2.</source>
        <translation>Das Zertifikat ist gültig, aber nicht für „%1“; es nennt: %2.</translation>
    </message>
    <message>
        <source>Use one of the names the certificate is for in the URL, or trust this exact certificate.</source>
        <translation>Verwenden Sie in der URL einen der Namen, für die das Zertifikat gilt, oder vertrauen Sie genau diesem Zertifikat.</translation>
    </message>
    <message>
        <source>Check the server&apos;s TLS setup.</source>
        <translation>Prüfen Sie die TLS-Einrichtung des Servers.</translation>
    </message>
    <message>
        <source>Nothing was sent. Verify the new certificate on the server before replacing the pin.</source>
        <translation>Nichts wurde gesendet. Prüfen Sie das neue Zertifikat auf dem Server, bevor Sie den Pin ersetzen.</translation>
    </message>
    <message>
        <source>the pinned certificate (SHA-256 %1)</source>
        <translation>das gepinnte Zertifikat (SHA-256 %1)</translation>
    </message>
    <message>
        <source>certificate trusted by the system (%1)</source>
        <translation>vom System vertrautes Zertifikat (%1)</translation>
    </message>
    <message>
        <source>API at %1</source>
        <translation>API unter %1</translation>
    </message>
    <message>
        <source>The base URL should be the service&apos;s root, e.g. %1://%2:%3 (no path).</source>
        <translation>Die Basis-URL sollte die Wurzel des Dienstes sein, z. B. %1://%2:%3 (ohne Pfad).</translation>
    </message>
    <message>
        <source>The base URL should end in %1, e.g. %2://%3:%4%1.</source>
        <translation>Die Basis-URL sollte auf %1 enden, z. B. %2://%3:%4%1.</translation>
    </message>
    <message>
        <source>Grant %1 to the user or token (a privilege-separated token needs it on the token too).</source>
        <translation>Gewähren Sie %1 dem Benutzer oder Token (ein Token mit getrennten Rechten braucht es auch auf dem Token).</translation>
    </message>
    <message>
        <source>The API key&apos;s user must be a Portainer administrator (or have access to the environment).</source>
        <translation>Der Benutzer des API-Schlüssels muss Portainer-Administrator sein (oder Zugriff auf die Umgebung haben).</translation>
    </message>
    <message>
        <source>Give the account the permission this service needs.</source>
        <translation>Geben Sie dem Konto die Berechtigung, die dieser Dienst braucht.</translation>
    </message>
    <message>
        <source>Access denied (HTTP 403): the credentials are valid but lack a permission.</source>
        <translation>Zugriff verweigert (HTTP 403): Die Zugangsdaten sind gültig, aber es fehlt eine Berechtigung.</translation>
    </message>
    <message>
        <source>Access denied (HTTP 403): the credentials lack the privilege %1.</source>
        <translation>Zugriff verweigert (HTTP 403): Den Zugangsdaten fehlt das Recht %1.</translation>
    </message>
    <message>
        <source>The service rejected the credentials (HTTP 401).</source>
        <translation>Der Dienst hat die Zugangsdaten abgelehnt (HTTP 401).</translation>
    </message>
    <message>
        <source>Check the token id (USER@REALM!TOKENID) and paste the secret again.</source>
        <translation>Prüfen Sie die Token-ID (USER@REALM!TOKENID) und fügen Sie das Geheimnis erneut ein.</translation>
    </message>
    <message>
        <source>Check the user name and enter the secret again.</source>
        <translation>Prüfen Sie den Benutzernamen und geben Sie das Geheimnis erneut ein.</translation>
    </message>
    <message>
        <source>%1 does not exist there (HTTP 404).</source>
        <translation>%1 existiert dort nicht (HTTP 404).</translation>
    </message>
    <message>
        <source>%1 answered, but not with the %2 API.</source>
        <translation>%1 hat geantwortet, aber nicht mit der %2-API.</translation>
    </message>
    <message>
        <source>Use the address the service redirects to (often https:// instead of http://). %1</source>
        <translation>Verwenden Sie die Adresse, auf die der Dienst weiterleitet (oft https:// statt http://). %1</translation>
    </message>
    <message>
        <source>The service accepted the connection but did not answer within %1 s.</source>
        <translation>Der Dienst hat die Verbindung angenommen, aber nicht innerhalb von %1 s geantwortet.</translation>
    </message>
    <message>
        <source>Check that this port is the service&apos;s (not another program&apos;s), or raise the timeout.</source>
        <translation>Prüfen Sie, ob dieser Port zum Dienst gehört (nicht zu einem anderen Programm), oder erhöhen Sie das Zeitlimit.</translation>
    </message>
    <message>
        <source>Trust the certificate first.</source>
        <translation>Vertrauen Sie zuerst dem Zertifikat.</translation>
    </message>
    <message>
        <source>The service itself has a problem: look at its logs.</source>
        <translation>Der Dienst selbst hat ein Problem: Sehen Sie in seine Logs.</translation>
    </message>
    <message>
        <source>Check that this port is the service&apos;s and that it speaks %1.</source>
        <translation>Prüfen Sie, ob dieser Port zum Dienst gehört und %1 spricht.</translation>
    </message>
    <message>
        <source>Enter the secret.</source>
        <translation>Geben Sie das Geheimnis ein.</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>No secret was entered.</source>
        <translation>Es wurde kein Geheimnis eingegeben.</translation>
    </message>
    <message>
        <source>Enter the token, key or password for this service.</source>
        <translation>Geben Sie Token, Schlüssel oder Passwort für diesen Dienst ein.</translation>
    </message>
    <message>
        <source>version %1, %2</source>
        <translation>Version %1, %2</translation>
    </message>
    <message>
        <source>%1, node %2 answers</source>
        <translation>%1, Knoten %2 antwortet</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>cluster %1, %2</source>
        <translation>Cluster %1, %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>protection on</source>
        <translation>Schutz an</translation>
    </message>
    <message>
        <source>protection off</source>
        <translation>Schutz aus</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message>
        <source>reachable (%1 answered)</source>
        <translation>erreichbar (%1 hat geantwortet)</translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation>TCP-Verbindung</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>nicht versucht</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes</source>
        <translation>
            <numerusform>%n Node</numerusform>
            <numerusform>%n Nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n environments</source>
        <translation>
            <numerusform>%n Umgebung</numerusform>
            <numerusform>%n Umgebungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stacks</source>
        <translation>
            <numerusform>%n Stack</numerusform>
            <numerusform>%n Stacks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n targets up</source>
        <translation>
            <numerusform>%1 von %n Target aktiv</numerusform>
            <numerusform>%1 von %n Targets aktiv</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 loaded, %n models available</source>
        <translation>
            <numerusform>%1 geladen, %n Modell verfügbar</numerusform>
            <numerusform>%1 geladen, %n Modelle verfügbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agents</source>
        <translation>
            <numerusform>%n Agent</numerusform>
            <numerusform>%n Agenten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ContainerLogDialog</name>
    <message>
        <source>Log of %1</source>
        <translation>Log von %1</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Loading the last 200 lines…</source>
        <translation>Die letzten 200 Zeilen werden geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::Discovery</name>
    <message>
        <source>GET %1 answered HTTP %2 as %3 does</source>
        <translation>GET %1 antwortete mit HTTP %2, wie %3 es tut</translation>
    </message>
    <message>
        <source>GET %1 answered version %2</source>
        <translation>GET %1 antwortete mit Version %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port: give numbers from 1 to 65535, separated by commas.</source>
        <translation>&quot;%1&quot; ist kein Port: Zahlen von 1 bis 65535 angeben, durch Kommas getrennt.</translation>
    </message>
</context>
<context>
    <name>hlc::EnvImport</name>
    <message>
        <source>Text after the closing quote.</source>
        <translation>Text nach dem schließenden Anführungszeichen.</translation>
    </message>
    <message>
        <source>The double quote is not closed (values spanning lines are not supported).</source>
        <translation>Das doppelte Anführungszeichen ist nicht geschlossen (mehrzeilige Werte werden nicht unterstützt).</translation>
    </message>
    <message>
        <source>The single quote is not closed.</source>
        <translation>Das einfache Anführungszeichen ist nicht geschlossen.</translation>
    </message>
    <message>
        <source>Not KEY=value: the line was skipped.</source>
        <translation>Nicht SCHLÜSSEL=Wert: Die Zeile wurde übersprungen.</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>a reference to another variable, not the secret itself: enter it in the setup</source>
        <translation>ein Verweis auf eine andere Variable, nicht das Geheimnis selbst: Geben Sie es in der Einrichtung ein</translation>
    </message>
    <message>
        <source>n8n secrets belong to single webhooks: set them per webhook in the settings</source>
        <translation>n8n-Geheimnisse gehören zu einzelnen Webhooks: Setzen Sie sie pro Webhook in den Einstellungen</translation>
    </message>
</context>
<context>
    <name>hlc::GeneralSettingsPage</name>
    <message>
        <source>Start minimised to the tray</source>
        <translation>Minimiert im Systembereich starten</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Refresh hosts every</source>
        <translation>Hosts aktualisieren alle</translation>
    </message>
    <message>
        <source>Probe service health every</source>
        <translation>Dienstzustand prüfen alle</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Health probe timeout</source>
        <translation>Zeitlimit der Zustandsprüfung</translation>
    </message>
    <message>
        <source>Only when a system tray is there to open the window from.</source>
        <translation>Nur wenn ein Systembereich da ist, aus dem sich das Fenster öffnen lässt.</translation>
    </message>
    <message>
        <source>Writes %1</source>
        <translation>Schreibt %1</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language applies at the next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
</context>
<context>
    <name>hlc::GpuLlmTab</name>
    <message>
        <source>No GPU metrics yet. GPUs appear here when Prometheus scrapes nvidia_gpu_exporter or dcgm-exporter on a host.</source>
        <translation>Noch keine GPU-Metriken. GPUs erscheinen hier, wenn Prometheus nvidia_gpu_exporter oder dcgm-exporter auf einem Host abfragt.</translation>
    </message>
    <message>
        <source>No Prometheus is configured: GPU metrics come from nvidia_gpu_exporter or dcgm-exporter through Prometheus.</source>
        <translation>Kein Prometheus konfiguriert: GPU-Metriken kommen von nvidia_gpu_exporter oder dcgm-exporter über Prometheus.</translation>
    </message>
    <message>
        <source>Local LLMs (Ollama)</source>
        <translation>Lokale LLMs (Ollama)</translation>
    </message>
    <message>
        <source>Unload selected</source>
        <translation>Auswahl entladen</translation>
    </message>
    <message>
        <source>Measure speed of</source>
        <translation>Geschwindigkeit messen von</translation>
    </message>
    <message>
        <source>Measure speed</source>
        <translation>Geschwindigkeit messen</translation>
    </message>
    <message>
        <source>Runs one short generation (64 tokens). This loads the model if it is not loaded.</source>
        <translation>Führt eine kurze Generierung aus (64 Tokens). Dabei wird das Modell geladen, falls es nicht geladen ist.</translation>
    </message>
    <message>
        <source>Unload model?</source>
        <translation>Modell entladen?</translation>
    </message>
    <message>
        <source>Unload %1 from memory now? The next request that uses it loads it again.</source>
        <translation>%1 jetzt aus dem Speicher entladen? Die nächste Anfrage, die es nutzt, lädt es wieder.</translation>
    </message>
    <message>
        <source>Measuring %1…</source>
        <translation>%1 wird gemessen…</translation>
    </message>
    <message>
        <source>No Ollama service is configured.</source>
        <translation>Kein Ollama-Dienst konfiguriert.</translation>
    </message>
    <message>
        <source>Ollama %1 on %2: %3 loaded, %4 in VRAM, %5 installed</source>
        <translation>Ollama %1 auf %2: %3 geladen, %4 im VRAM, %5 installiert</translation>
    </message>
    <message>
        <source>%1 · GPU %2: %3</source>
        <translation>%1 · GPU %2: %3</translation>
    </message>
    <message>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>VRAM</source>
        <translation>VRAM</translation>
    </message>
    <message>
        <source>Utilisation %</source>
        <translation>Auslastung %</translation>
    </message>
    <message>
        <source>VRAM %</source>
        <translation>VRAM %</translation>
    </message>
    <message>
        <source>GPU metrics unavailable (values shown are stale): %1</source>
        <translation>GPU-Metriken nicht verfügbar (angezeigte Werte sind veraltet): %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message numerus="yes">
        <source>%n models</source>
        <translation>
            <numerusform>%n Modell</numerusform>
            <numerusform>%n Modelle</numerusform>
        </translation>
    </message>
    <message>
        <source>GPU temperature; the bar is full at 100 °C</source>
        <translation>GPU-Temperatur; der Balken ist bei 100 °C voll</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Temperature °C</source>
        <translation>Temperatur °C</translation>
    </message>
    <message>
        <source>Power W</source>
        <translation>Leistung W</translation>
    </message>
    <message>
        <source>Power draw; the bar is full at %1 W (the highest draw seen, rounded up)</source>
        <translation>Leistungsaufnahme; der Balken ist bei %1 W voll (höchster gemessener Wert, aufgerundet)</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
</context>
<context>
    <name>hlc::GuestInventory</name>
    <message>
        <source>No Portainer environment is configured for this host.</source>
        <translation>Für diesen Host ist keine Portainer-Umgebung konfiguriert.</translation>
    </message>
</context>
<context>
    <name>hlc::GuestTableModel</name>
    <message>
        <source>VM %1</source>
        <translation>VM %1</translation>
    </message>
    <message>
        <source>CT %1</source>
        <translation>CT %1</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>LXC</source>
        <translation>LXC</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>hlc::GuestsView</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Shut down</source>
        <translation>Herunterfahren</translation>
    </message>
    <message>
        <source>Stop (hard)</source>
        <translation>Stoppen (hart)</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Ruhezustand</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Filter by name, status or tag</source>
        <translation>Nach Name, Status oder Tag filtern</translation>
    </message>
    <message>
        <source>quorate</source>
        <translation>beschlussfähig</translation>
    </message>
    <message>
        <source>NOT quorate</source>
        <translation>NICHT beschlussfähig</translation>
    </message>
    <message>
        <source>Proxmox</source>
        <translation>Proxmox</translation>
    </message>
    <message>
        <source>Entries of the Proxmox resource list that could not be read: %1 (details in the log).</source>
        <translation>Einträge der Proxmox-Ressourcenliste, die nicht gelesen werden konnten: %1 (Details im Log).</translation>
    </message>
    <message>
        <source>%1 running, %2 stopped</source>
        <translation>%1 laufen, %2 gestoppt</translation>
    </message>
    <message>
        <source>VM</source>
        <translation>VM</translation>
    </message>
    <message>
        <source>container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Shut down %1 on %2? Its services will be unavailable until it is started again.</source>
        <translation>%1 auf %2 herunterfahren? Seine Dienste sind nicht verfügbar, bis er wieder gestartet wird.</translation>
    </message>
    <message>
        <source>Stop %1 on %2 immediately? This is like pulling the power plug: unsaved data is lost.</source>
        <translation>%1 auf %2 sofort stoppen? Das ist wie Stecker ziehen: Ungespeicherte Daten gehen verloren.</translation>
    </message>
    <message>
        <source>Reboot %1 on %2?</source>
        <translation>%1 auf %2 neu starten?</translation>
    </message>
    <message>
        <source>Suspend (freeze) %1 on %2? Its services stop answering until it is resumed. Proxmox marks container suspend as experimental, and still lists a frozen container as running.</source>
        <translation>%1 auf %2 in den Ruhezustand versetzen (einfrieren)? Seine Dienste antworten nicht mehr, bis er fortgesetzt wird. Proxmox kennzeichnet den Ruhezustand von Containern als experimentell und listet einen eingefrorenen Container weiter als laufend.</translation>
    </message>
    <message>
        <source>Suspend %1 on %2? Its services stop answering until it is resumed.</source>
        <translation>%1 auf %2 in den Ruhezustand versetzen? Seine Dienste antworten nicht mehr, bis er fortgesetzt wird.</translation>
    </message>
    <message>
        <source>Confirm action</source>
        <translation>Aktion bestätigen</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation>Abgebrochen: Nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>%1 %2 on %3…</source>
        <translation>%1 %2 auf %3…</translation>
    </message>
    <message numerus="yes">
        <source>Cluster %1: %2 · %3 of %n nodes online</source>
        <translation>
            <numerusform>Cluster %1: %2 · %3 von %n Node online</numerusform>
            <numerusform>Cluster %1: %2 · %3 von %n Nodes online</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume %1 on %2?</source>
        <translation>%1 auf %2 fortsetzen?</translation>
    </message>
    <message>
        <source>Start %1 on %2?</source>
        <translation>%1 auf %2 starten?</translation>
    </message>
</context>
<context>
    <name>hlc::HaEntityModel</name>
    <message>
        <source>%1 (waiting for Home Assistant…)</source>
        <translation>%1 (warte auf Home Assistant…)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Letzte Änderung</translation>
    </message>
</context>
<context>
    <name>hlc::HealthProber</name>
    <message>
        <source>no address configured</source>
        <translation>keine Adresse konfiguriert</translation>
    </message>
    <message>
        <source>answers (certificate not trusted)</source>
        <translation>antwortet (Zertifikat nicht vertraut)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>port open</source>
        <translation>Port offen</translation>
    </message>
    <message>
        <source>PONG</source>
        <translation>PONG</translation>
    </message>
    <message>
        <source>answers (password required, PING not authorised)</source>
        <translation>antwortet (Passwort erforderlich, PING nicht erlaubt)</translation>
    </message>
    <message>
        <source>unexpected answer: %1</source>
        <translation>unerwartete Antwort: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n services down (%2)</source>
        <translation>
            <numerusform>%1: %n Dienst ausgefallen (%2)</numerusform>
            <numerusform>%1: %n Dienste ausgefallen (%2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HomeAssistantLink</name>
    <message>
        <source>Toggle</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslösen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Home Assistant action failed</source>
        <translation>Home-Assistant-Aktion fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>Scene %1 activated.</source>
        <translation>Szene %1 aktiviert.</translation>
    </message>
    <message>
        <source>Script %1 ran.</source>
        <translation>Skript %1 ausgeführt.</translation>
    </message>
    <message>
        <source>Automation %1 triggered.</source>
        <translation>Automatisierung %1 ausgelöst.</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>%1: the connection to Home Assistant was lost after the action was sent, and no state change has been seen since. It may or may not have been carried out: check its state before trying again.</source>
        <translation>%1: Die Verbindung zu Home Assistant ging nach dem Senden der Aktion verloren, und seitdem wurde keine Zustandsänderung gesehen. Sie wurde möglicherweise ausgeführt oder auch nicht: Prüfen Sie den Zustand, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Check the entity&apos;s state in Home Assistant.</source>
        <translation>Prüfen Sie den Zustand der Entität in Home Assistant.</translation>
    </message>
    <message>
        <source>Home Assistant action: outcome unknown</source>
        <translation>Home-Assistant-Aktion: Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>%1: Home Assistant accepted the action, but no state change followed within %2 s.</source>
        <translation>%1: Home Assistant hat die Aktion angenommen, aber innerhalb von %2 s folgte keine Zustandsänderung.</translation>
    </message>
    <message>
        <source>Home Assistant on %1 has no automation %2.</source>
        <translation>Home Assistant auf %1 hat keine Automatisierung %2.</translation>
    </message>
    <message>
        <source>Another action on %1 is still waiting for Home Assistant.</source>
        <translation>Eine andere Aktion für %1 wartet noch auf Home Assistant.</translation>
    </message>
    <message>
        <source>%1 is %2 already.</source>
        <translation>%1 ist bereits %2.</translation>
    </message>
</context>
<context>
    <name>hlc::HomeAssistantView</name>
    <message>
        <source>Toggle</source>
        <translation>Umschalten</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Search by name or entity id</source>
        <translation>Nach Name oder Entitäts-ID suchen</translation>
    </message>
    <message>
        <source>Domain:</source>
        <translation>Domäne:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>Bereich:</translation>
    </message>
    <message>
        <source>%1: sent to Home Assistant, waiting for the state change…</source>
        <translation>%1: an Home Assistant gesendet, warte auf die Zustandsänderung…</translation>
    </message>
    <message>
        <source>All domains</source>
        <translation>Alle Domänen</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Alle Bereiche</translation>
    </message>
    <message numerus="yes">
        <source>%n entities</source>
        <translation>
            <numerusform>%n Entität</numerusform>
            <numerusform>%n Entitäten</numerusform>
        </translation>
    </message>
    <message>
        <source>No Home Assistant is configured.</source>
        <translation>Kein Home Assistant konfiguriert.</translation>
    </message>
    <message>
        <source>Live over WebSocket</source>
        <translation>Live über WebSocket</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>WebSocket unreachable: reading states over REST (%1)</source>
        <translation>WebSocket nicht erreichbar: Zustände werden über REST gelesen (%1)</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>hlc::HomeServices</name>
    <message>
        <source>No Home Assistant of this homelab has the automation %1.</source>
        <translation>Kein Home Assistant dieses Homelabs hat die Automatisierung %1.</translation>
    </message>
</context>
<context>
    <name>hlc::Homelab</name>
    <message>
        <source>The configuration could not be saved: %1</source>
        <translation>Die Konfiguration konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>hlc::HomepageImport</name>
    <message>
        <source>Glances is not supported: its host can be added, and its health probed over Prometheus&apos; node_exporter or a health probe instead.</source>
        <translation>Glances wird nicht unterstützt: Sein Host kann hinzugefügt und sein Zustand stattdessen über den node_exporter von Prometheus oder eine Zustandsprüfung geprüft werden.</translation>
    </message>
    <message>
        <source>a Homepage variable, not the secret itself: enter it in the setup</source>
        <translation>eine Homepage-Variable, nicht das Geheimnis selbst: Geben Sie es in der Einrichtung ein</translation>
    </message>
    <message>
        <source>YAML error: %1</source>
        <translation>YAML-Fehler: %1</translation>
    </message>
    <message>
        <source>services.yaml should be a list of groups.</source>
        <translation>services.yaml sollte eine Liste von Gruppen sein.</translation>
    </message>
    <message>
        <source>A group should be &quot;- Name:&quot; with a list below.</source>
        <translation>Eine Gruppe sollte „- Name:“ mit einer Liste darunter sein.</translation>
    </message>
    <message>
        <source>widgets.yaml should be a list of widgets.</source>
        <translation>widgets.yaml sollte eine Liste von Widgets sein.</translation>
    </message>
</context>
<context>
    <name>hlc::HostCard</name>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Open this host&apos;s tab</source>
        <translation>Den Tab dieses Hosts öffnen</translation>
    </message>
    <message>
        <source>⚠ Unencrypted: %1 send their secret over plain http:// (allowed for this network)</source>
        <translation>⚠ Unverschlüsselt: %1 senden ihr Geheimnis über einfaches http:// (für dieses Netz erlaubt)</translation>
    </message>
    <message>
        <source>Anyone on the network between this computer and the host can read these secrets. Use https:// (e.g. through the reverse proxy) and untick &quot;allow unencrypted&quot; in the service&apos;s settings.</source>
        <translation>Jeder im Netz zwischen diesem Computer und dem Host kann diese Geheimnisse lesen. Verwenden Sie https:// (z. B. über den Reverse-Proxy) und entfernen Sie in den Einstellungen des Dienstes das Häkchen bei „Unverschlüsselt erlauben“.</translation>
    </message>
    <message>
        <source>Trust this certificate…</source>
        <translation>Diesem Zertifikat vertrauen…</translation>
    </message>
    <message>
        <source>Enter secret…</source>
        <translation>Geheimnis eingeben…</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Root disk</source>
        <translation>Root-Datenträger</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>Last hour: received (strong line), sent (faint line)</source>
        <translation>Letzte Stunde: empfangen (kräftige Linie), gesendet (blasse Linie)</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation>Stacks</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Zuhause</translation>
    </message>
    <message>
        <source>AdGuard</source>
        <translation>AdGuard</translation>
    </message>
    <message>
        <source>metrics only</source>
        <translation>nur Metriken</translation>
    </message>
    <message>
        <source>no Proxmox configured</source>
        <translation>kein Proxmox konfiguriert</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline (cluster reports node down)</source>
        <translation>offline (der Cluster meldet den Node als ausgefallen)</translation>
    </message>
    <message>
        <source>unreachable (stale data)</source>
        <translation>nicht erreichbar (veraltete Daten)</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>Proxmox: %1</source>
        <translation>Proxmox: %1</translation>
    </message>
    <message>
        <source>Enter code…</source>
        <translation>Code eingeben…</translation>
    </message>
    <message>
        <source>up %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>Proxmox %1</source>
        <translation>Proxmox %1</translation>
    </message>
    <message>
        <source>Load: %1</source>
        <translation>Last: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n CPUs</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>Received and sent together</source>
        <translation>Empfangen und gesendet zusammen</translation>
    </message>
    <message>
        <source>↓ %1  ↑ %2</source>
        <translation>↓ %1  ↑ %2</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>wird geladen…</translation>
    </message>
    <message>
        <source>%1 running · %2 stopped</source>
        <translation>%1 laufend · %2 gestoppt</translation>
    </message>
    <message>
        <source>Open the guests of this host</source>
        <translation>Die Gäste dieses Hosts öffnen</translation>
    </message>
    <message>
        <source>%1 unhealthy</source>
        <translation>%1 fehlerhaft</translation>
    </message>
    <message>
        <source>Open the stacks of this host</source>
        <translation>Die Stacks dieses Hosts öffnen</translation>
    </message>
    <message>
        <source>Unhealthy: %1</source>
        <translation>Fehlerhaft: %1</translation>
    </message>
    <message>
        <source>%1 critical</source>
        <translation>%1 kritisch</translation>
    </message>
    <message>
        <source>%1 warning</source>
        <translation>%1 Warnung</translation>
    </message>
    <message>
        <source>%1 info</source>
        <translation>%1 Info</translation>
    </message>
    <message>
        <source>none firing</source>
        <translation>keiner aktiv</translation>
    </message>
    <message>
        <source>Open the alerts of this host</source>
        <translation>Die Alarme dieses Hosts öffnen</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>all %1 answering</source>
        <translation>alle %1 antworten</translation>
    </message>
    <message>
        <source>%1 answering, but not every API works</source>
        <translation>%1 antworten, aber nicht jede API funktioniert</translation>
    </message>
    <message>
        <source>%1 of %2 down: %3</source>
        <translation>%1 von %2 ausgefallen: %3</translation>
    </message>
    <message>
        <source>Open the health checks of this host</source>
        <translation>Die Zustandsprüfungen dieses Hosts öffnen</translation>
    </message>
    <message>
        <source>Down: %1</source>
        <translation>Ausgefallen: %1</translation>
    </message>
    <message>
        <source>VRAM %1 of %2</source>
        <translation>VRAM %1 von %2</translation>
    </message>
    <message>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <source>no model loaded</source>
        <translation>kein Modell geladen</translation>
    </message>
    <message>
        <source>loaded: %1</source>
        <translation>geladen: %1</translation>
    </message>
    <message>
        <source>Open GPU / LLM</source>
        <translation>GPU / LLM öffnen</translation>
    </message>
    <message>
        <source>★ %1: %2</source>
        <translation>★ %1: %2</translation>
    </message>
    <message>
        <source>★ %1: unknown</source>
        <translation>★ %1: unbekannt</translation>
    </message>
    <message>
        <source>Open Home Assistant</source>
        <translation>Home Assistant öffnen</translation>
    </message>
    <message>
        <source>%1 blocked today</source>
        <translation>%1 heute blockiert</translation>
    </message>
    <message>
        <source>protection paused</source>
        <translation>Schutz pausiert</translation>
    </message>
    <message>
        <source>Open AdGuard</source>
        <translation>AdGuard öffnen</translation>
    </message>
    <message>
        <source>No Proxmox on this host and no services configured.</source>
        <translation>Kein Proxmox auf diesem Host und keine Dienste konfiguriert.</translation>
    </message>
    <message>
        <source>No Proxmox on this host. It has %1.</source>
        <translation>Kein Proxmox auf diesem Host. Er hat %1.</translation>
    </message>
    <message>
        <source>No data yet.</source>
        <translation>Noch keine Daten.</translation>
    </message>
    <message>
        <source>Waiting for data…</source>
        <translation>Warte auf Daten…</translation>
    </message>
    <message>
        <source>Stale: last fresh data %1.</source>
        <translation>Veraltet: letzte frische Daten %1.</translation>
    </message>
    <message>
        <source>Updated at %1.</source>
        <translation>Aktualisiert um %1.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln queries</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
</context>
<context>
    <name>hlc::HostChartsView</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CPU busy</source>
        <translation>CPU belegt</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>Speicher belegt</translation>
    </message>
    <message>
        <source>Root disk</source>
        <translation>Root-Datenträger</translation>
    </message>
    <message>
        <source>Root disk used</source>
        <translation>Root-Datenträger belegt</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation>Last (1 min)</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Disk I/O</source>
        <translation>Datenträger-E/A</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <source>TiB/s</source>
        <translation>TiB/s</translation>
    </message>
    <message>
        <source>Scrape target %1 (%2): up</source>
        <translation>Scrape-Ziel %1 (%2): erreichbar</translation>
    </message>
    <message>
        <source>Scrape target %1 (%2): %3 - %4</source>
        <translation>Scrape-Ziel %1 (%2): %3 - %4</translation>
    </message>
    <message>
        <source>no error given</source>
        <translation>kein Fehler angegeben</translation>
    </message>
    <message>
        <source>Loading metrics of %1 from Prometheus...</source>
        <translation>Metriken von %1 werden aus Prometheus geladen...</translation>
    </message>
    <message>
        <source>Prometheus warns: %1</source>
        <translation>Prometheus warnt: %1</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2 um %3</translation>
    </message>
    <message>
        <source>No scrape target of Prometheus has %1.</source>
        <translation>Kein Scrape-Target von Prometheus hat %1.</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
</context>
<context>
    <name>hlc::HostDetailView</name>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Stacks</source>
        <translation>Stacks</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Maintenance…</source>
        <translation>Wartung …</translation>
    </message>
    <message>
        <source>Start maintenance of this host now: its notifications are held and its alerts silenced until the window ends.</source>
        <translation>Wartung dieses Hosts jetzt beginnen: seine Benachrichtigungen werden zurückgehalten und seine Alarme stummgeschaltet, bis das Fenster endet.</translation>
    </message>
</context>
<context>
    <name>hlc::HostSettingsPage</name>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Host / service</source>
        <translation>Host / Dienst</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Add host…</source>
        <translation>Host hinzufügen…</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Remove the service %1 of %2? Its secret is deleted from the keychain when you press OK.</source>
        <translation>Den Dienst %1 von %2 entfernen? Sein Geheimnis wird aus dem Schlüsselbund gelöscht, wenn Sie OK drücken.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>User / token id</source>
        <translation>Benutzer / Token-ID</translation>
    </message>
    <message>
        <source>Pinned certificate</source>
        <translation>Gepinntes Zertifikat</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message numerus="yes">
        <source>Remove the host %1 and its %n services? Their secrets are deleted from the keychain when you press OK.</source>
        <translation>
            <numerusform>Den Host %1 und seinen %n Dienst entfernen? Die Geheimnisse werden beim Klick auf OK aus dem Schlüsselbund gelöscht.</numerusform>
            <numerusform>Den Host %1 und seine %n Dienste entfernen? Ihre Geheimnisse werden beim Klick auf OK aus dem Schlüsselbund gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::HostSetupDialog</name>
    <message>
        <source>Add a host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>e.g. pve-thinkpad</source>
        <translation>z. B. pve-thinkpad</translation>
    </message>
    <message>
        <source>IP address or host name, e.g. 192.168.1.10</source>
        <translation>IP-Adresse oder Hostname, z. B. 192.168.1.10</translation>
    </message>
    <message>
        <source>e.g. Primary services host</source>
        <translation>z. B. Hauptserver für Dienste</translation>
    </message>
    <message>
        <source>Discover services</source>
        <translation>Dienste suchen</translation>
    </message>
    <message>
        <source>Looks for the usual ports of the supported services on this address only, without sending any credential.</source>
        <translation>Sucht nur auf dieser Adresse nach den üblichen Ports der unterstützten Dienste, ohne Zugangsdaten zu senden.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Found: %1. Enter their secrets and test each connection.</source>
        <translation>Gefunden: %1. Geben Sie ihre Geheimnisse ein und testen Sie jede Verbindung.</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nichts Neues</translation>
    </message>
    <message>
        <source> - OK</source>
        <translation> – OK</translation>
    </message>
    <message>
        <source> - failed</source>
        <translation> – fehlgeschlagen</translation>
    </message>
    <message>
        <source>The secret of this service travels unencrypted (http://).</source>
        <translation>Das Geheimnis dieses Dienstes wird unverschlüsselt übertragen (http://).</translation>
    </message>
    <message>
        <source>Type the host&apos;s address first.</source>
        <translation>Geben Sie zuerst die Adresse des Hosts ein.</translation>
    </message>
    <message>
        <source>Looking for services on %1...</source>
        <translation>Suche nach Diensten auf %1...</translation>
    </message>
    <message>
        <source>Edit %1 on %2</source>
        <translation>%1 auf %2 bearbeiten</translation>
    </message>
    <message>
        <source>Give the host a name and an address.</source>
        <translation>Geben Sie dem Host einen Namen und eine Adresse.</translation>
    </message>
    <message>
        <source>This service would send its secret unencrypted over http://. Use https://, or tick &quot;allow unencrypted on this network&quot;.</source>
        <translation>Dieser Dienst würde sein Geheimnis unverschlüsselt über http:// senden. Verwenden Sie https:// oder kreuzen Sie „Unverschlüsselt in diesem Netz erlauben“ an.</translation>
    </message>
    <message>
        <source>%1: the secret would travel unencrypted.</source>
        <translation>%1: Das Geheimnis würde unverschlüsselt übertragen.</translation>
    </message>
    <message>
        <source>The configuration would not be valid: %1</source>
        <translation>Die Konfiguration wäre nicht gültig: %1</translation>
    </message>
    <message>
        <source>No keychain is available to store the secrets.</source>
        <translation>Kein Schlüsselbund verfügbar, um die Geheimnisse zu speichern.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The secrets could not be stored in the keychain, nothing was saved: %1</source>
        <translation>Die Geheimnisse konnten nicht im Schlüsselbund gespeichert werden, nichts wurde gespeichert: %1</translation>
    </message>
    <message>
        <source>The configuration file could not be written: %1</source>
        <translation>Die Konfigurationsdatei konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>optional: ports of services not on their usual port, e.g. 9001, 8443</source>
        <translation>optional: Ports von Diensten, die nicht auf ihrem üblichen Port laufen, z. B. 9001, 8443</translation>
    </message>
    <message>
        <source>Discovery also tries every supported kind on these ports, over https and http.</source>
        <translation>Die Suche probiert auf diesen Ports zusätzlich jede unterstützte Art, über https und http.</translation>
    </message>
    <message>
        <source>Other ports</source>
        <translation>Weitere Ports</translation>
    </message>
    <message>
        <source>No supported service answered on %1. If they listen on other ports, type those in &quot;Other ports&quot; and discover again, or add them by hand below.</source>
        <translation>Auf %1 hat kein unterstützter Dienst geantwortet. Laufen sie auf anderen Ports, tragen Sie diese unter „Weitere Ports“ ein und suchen Sie erneut, oder fügen Sie sie unten von Hand hinzu.</translation>
    </message>
</context>
<context>
    <name>hlc::ImportPlan</name>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>user / token id</source>
        <translation>Benutzer / Token-ID</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>environment id</source>
        <translation>Umgebungs-ID</translation>
    </message>
    <message>
        <source>Imported host</source>
        <translation>Importierter Host</translation>
    </message>
    <message>
        <source>%1 on %2 would send its secret over plain http://: use https://, or allow it for this service in the settings.</source>
        <translation>%1 auf %2 würde sein Geheimnis über einfaches http:// senden: Verwenden Sie https:// oder erlauben Sie es für diesen Dienst in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>hlc::ImportPreviewDialog</name>
    <message>
        <source>Import preview</source>
        <translation>Importvorschau</translation>
    </message>
    <message>
        <source>Each entry found and where it goes. Untick what you do not want, or change its host, service or field. Secrets go to the keychain, never to the configuration file.</source>
        <translation>Jeder gefundene Eintrag und wohin er geht. Entfernen Sie das Häkchen bei allem, was Sie nicht wollen, oder ändern Sie Host, Dienst oder Feld. Geheimnisse kommen in den Schlüsselbund, nie in die Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>%1 (line %2)</source>
        <translation>%1 (Zeile %2)</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Not read:
%1</source>
        <translation>Nicht gelesen:
%1</translation>
    </message>
    <message>
        <source>The result would not be a valid configuration: %1</source>
        <translation>Das Ergebnis wäre keine gültige Konfiguration: %1</translation>
    </message>
    <message>
        <source>No keychain is available to store the secrets.</source>
        <translation>Kein Schlüsselbund verfügbar, um die Geheimnisse zu speichern.</translation>
    </message>
    <message>
        <source>The secrets could not be stored in the keychain, nothing was imported: %1</source>
        <translation>Die Geheimnisse konnten nicht im Schlüsselbund gespeichert werden, nichts wurde importiert: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Imported host</source>
        <translation>Importierter Host</translation>
    </message>
</context>
<context>
    <name>hlc::InboxModel</name>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Health check</source>
        <translation>Statusprüfung</translation>
    </message>
    <message>
        <source>Agent run</source>
        <translation>Agentenlauf</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>erfordert Aufmerksamkeit</translation>
    </message>
    <message>
        <source>acknowledged by %1 until it clears (at most until %2)</source>
        <translation>bestätigt von %1, bis es sich erledigt (höchstens bis %2)</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>snoozed until %1: %2</source>
        <translation>zurückgestellt bis %1: %2</translation>
    </message>
    <message>
        <source>silenced in Alertmanager</source>
        <translation>in Alertmanager stummgeschaltet</translation>
    </message>
    <message>
        <source>Alertmanager silence %1</source>
        <translation>Alertmanager-Stummschaltung %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Proxmox</source>
        <translation>Proxmox</translation>
    </message>
    <message>
        <source>suppressed by %1 until %2: %3</source>
        <translation>unterdrückt von %1 bis %2: %3</translation>
    </message>
    <message>
        <source>in maintenance until %1</source>
        <translation>in Wartung bis %1</translation>
    </message>
    <message>
        <source>in maintenance</source>
        <translation>in Wartung</translation>
    </message>
    <message>
        <source>held: %1</source>
        <translation>zurückgehalten: %1</translation>
    </message>
    <message>
        <source>held until %1 (%2)</source>
        <translation>zurückgehalten bis %1 (%2)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
</context>
<context>
    <name>hlc::InboxView</name>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Zurückstellen …</translation>
    </message>
    <message>
        <source>Unsnooze</source>
        <translation>Zurückstellung aufheben</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Nothing needs your attention right now.

Firing alerts from Alertmanager or Prometheus, containers that are unhealthy or keep restarting, services whose health check fails and agent runs that failed in the last day would appear here, to acknowledge or snooze.</source>
        <translation>Im Moment erfordert nichts Ihre Aufmerksamkeit.

Feuernde Alarme aus Alertmanager oder Prometheus, Container, die nicht gesund sind oder immer wieder neu starten, Dienste, deren Statusprüfung fehlschlägt, und Agentenläufe, die am letzten Tag fehlgeschlagen sind, würden hier erscheinen, um sie zu bestätigen oder zurückzustellen.</translation>
    </message>
    <message>
        <source>Acknowledge until it clears: an alert is silenced in Alertmanager with exactly its labels and the silence is expired as soon as the alert resolves.</source>
        <translation>Bestätigen, bis es sich erledigt: Ein Alarm wird in Alertmanager mit genau seinen Labels stummgeschaltet, und die Stummschaltung wird beendet, sobald der Alarm aufgelöst ist.</translation>
    </message>
    <message>
        <source>The longest an acknowledgement lasts, even if the item never clears.</source>
        <translation>Die längste Dauer einer Bestätigung, auch wenn sich der Eintrag nie erledigt.</translation>
    </message>
    <message>
        <source>at most 4 hours</source>
        <translation>höchstens 4 Stunden</translation>
    </message>
    <message>
        <source>at most 24 hours</source>
        <translation>höchstens 24 Stunden</translation>
    </message>
    <message>
        <source>at most 3 days</source>
        <translation>höchstens 3 Tage</translation>
    </message>
    <message>
        <source>at most 7 days</source>
        <translation>höchstens 7 Tage</translation>
    </message>
    <message>
        <source>Show the item where it lives: the alert list, the host&apos;s stacks, ...</source>
        <translation>Den Eintrag dort zeigen, wo er hingehört: in der Alarmliste, bei den Stacks des Hosts, …</translation>
    </message>
    <message>
        <source>Acknowledging…</source>
        <translation>Wird bestätigt …</translation>
    </message>
    <message>
        <source>Snoozing…</source>
        <translation>Wird zurückgestellt …</translation>
    </message>
    <message>
        <source>Suppress…</source>
        <translation>Unterdrücken …</translation>
    </message>
    <message>
        <source>Unsuppress</source>
        <translation>Nicht mehr unterdrücken</translation>
    </message>
    <message>
        <source>Maintenance…</source>
        <translation>Wartung …</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>Wartung beenden</translation>
    </message>
    <message>
        <source>Hide something known and accepted, with a reason, until an expiry.</source>
        <translation>Etwas Bekanntes und Hingenommenes mit Grund bis zu einem Ablaufzeitpunkt ausblenden.</translation>
    </message>
    <message>
        <source>Start maintenance of a host or the whole homelab now: its notifications are held and its alerts silenced until the window ends.</source>
        <translation>Wartung eines Hosts oder des ganzen Homelabs jetzt beginnen: seine Benachrichtigungen werden zurückgehalten und seine Alarme stummgeschaltet, bis das Fenster endet.</translation>
    </message>
    <message>
        <source>Suppressing…</source>
        <translation>Wird unterdrückt …</translation>
    </message>
</context>
<context>
    <name>hlc::KeychainUnavailableDialog</name>
    <message>
        <source>Keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>The system keychain cannot be reached.</source>
        <translation>Der System-Schlüsselbund ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>Without it, secrets you enter cannot be saved. You can keep them in memory for this session only: they are forgotten when the app quits and never written to disk.</source>
        <translation>Ohne ihn können eingegebene Geheimnisse nicht gespeichert werden. Sie können sie nur für diese Sitzung im Speicher behalten: Sie werden beim Beenden der App vergessen und nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation>Geheimnisse nur für diese Sitzung behalten</translation>
    </message>
</context>
<context>
    <name>hlc::LlmMonitor</name>
    <message>
        <source>Ollama answers /api/version and /api/tags, but not /api/ps: %1</source>
        <translation>Ollama beantwortet /api/version und /api/tags, aber nicht /api/ps: %1</translation>
    </message>
    <message>
        <source>%1 unloaded: its memory is free.</source>
        <translation>%1 entladen: Sein Speicher ist frei.</translation>
    </message>
    <message>
        <source>%1 not unloaded: %2</source>
        <translation>%1 nicht entladen: %2</translation>
    </message>
    <message>
        <source>Model %1 unloaded</source>
        <translation>Modell %1 entladen</translation>
    </message>
    <message>
        <source>Model %1 not unloaded</source>
        <translation>Modell %1 nicht entladen</translation>
    </message>
    <message>
        <source>%1 answered, but the server did not report timings (no eval_duration): the speed cannot be measured on this server.</source>
        <translation>%1 hat geantwortet, aber der Server hat keine Zeiten gemeldet (kein eval_duration): Die Geschwindigkeit lässt sich auf diesem Server nicht messen.</translation>
    </message>
    <message>
        <source>Speed of %1</source>
        <translation>Geschwindigkeit von %1</translation>
    </message>
    <message>
        <source>Speed of %1 not measured: %2</source>
        <translation>Geschwindigkeit von %1 nicht gemessen: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 tokens/s (%n tokens in %3 s, load %4 s)</source>
        <translation>
            <numerusform>%1: %2 Token/s (%n Token in %3 s, Laden %4 s)</numerusform>
            <numerusform>%1: %2 Token/s (%n Token in %3 s, Laden %4 s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::LoadedModelsModel</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>On GPU</source>
        <translation>Auf GPU</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>Unloads in</source>
        <translation>Entladen in</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Part of the model runs on the CPU: it does not fit the free VRAM, generation is slower.</source>
        <translation>Ein Teil des Modells läuft auf der CPU: Es passt nicht in den freien VRAM, die Generierung ist langsamer.</translation>
    </message>
</context>
<context>
    <name>hlc::MainWindow</name>
    <message>
        <source>Homelab Control Center</source>
        <translation>Homelab Control Center</translation>
    </message>
    <message>
        <source>Keep secrets for this session only</source>
        <translation>Geheimnisse nur für diese Sitzung behalten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Add host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Import from a .&amp;env file…</source>
        <translation>Aus einer .&amp;env-Datei importieren…</translation>
    </message>
    <message>
        <source>Import a .env file</source>
        <translation>Eine .env-Datei importieren</translation>
    </message>
    <message>
        <source>Environment files (*.env *.env.* .env*);;All files (*)</source>
        <translation>Umgebungsdateien (*.env *.env.* .env*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import from &amp;Homepage…</source>
        <translation>Aus &amp;Homepage importieren…</translation>
    </message>
    <message>
        <source>Import Homepage&apos;s services.yaml</source>
        <translation>services.yaml von Homepage importieren</translation>
    </message>
    <message>
        <source>Homepage services (services.yaml *.yaml *.yml)</source>
        <translation>Homepage-Dienste (services.yaml *.yaml *.yml)</translation>
    </message>
    <message>
        <source>&amp;Refresh now</source>
        <translation>Jetzt &amp;aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Demo mode: simulated homelab on this computer (127.0.0.1)</source>
        <translation>Demomodus: simuliertes Homelab auf diesem Computer (127.0.0.1)</translation>
    </message>
    <message>
        <source>First start: no configuration file yet</source>
        <translation>Erster Start: noch keine Konfigurationsdatei</translation>
    </message>
    <message>
        <source>No configuration loaded</source>
        <translation>Keine Konfiguration geladen</translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation>Konfiguration: %1</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>GPU / LLM</source>
        <translation>GPU / LLM</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>AdGuard</source>
        <translation>AdGuard</translation>
    </message>
    <message>
        <source>Home Assistant</source>
        <translation>Home Assistant</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit-Log</translation>
    </message>
    <message>
        <source>The new host was not saved: %1</source>
        <translation>Der neue Host wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The import was not saved: %1</source>
        <translation>Der Import wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>This window cannot save the configuration.</source>
        <translation>Dieses Fenster kann die Konfiguration nicht speichern.</translation>
    </message>
    <message>
        <source>The system keychain is unavailable: %1 Secrets you enter are not saved.</source>
        <translation>Der System-Schlüsselbund ist nicht verfügbar: %1 Eingegebene Geheimnisse werden nicht gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n secrets wait to be stored; they are lost if you quit before the unlock.</source>
        <translation>
            <numerusform>%n Geheimnis wartet auf das Speichern; es geht verloren, wenn Sie vor dem Entsperren beenden.</numerusform>
            <numerusform>%n Geheimnisse warten auf das Speichern; sie gehen verloren, wenn Sie vor dem Entsperren beenden.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Next host</source>
        <translation>&amp;Nächster Host</translation>
    </message>
    <message>
        <source>&amp;Previous host</source>
        <translation>&amp;Vorheriger Host</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Homelab Control Center</source>
        <translation>Ü&amp;ber Homelab Control Center</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>About Homelab Control Center</source>
        <translation>Über Homelab Control Center</translation>
    </message>
    <message>
        <source>Homelab Control Center %1</source>
        <translation>Homelab Control Center %1</translation>
    </message>
    <message>
        <source>A native control center for a Proxmox homelab: live host panels, safe actions, alerts.

Qt %1 (built with %2)
Configuration: %3
Audit log: %4</source>
        <translation>Ein natives Kontrollzentrum für ein Proxmox-Homelab: Live-Ansichten der Hosts, sichere Aktionen, Alarme.

Qt %1 (gebaut mit %2)
Konfiguration: %3
Audit-Log: %4</translation>
    </message>
    <message>
        <source>none (demo or first start)</source>
        <translation>keine (Demo oder erster Start)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>&amp;Command palette…</source>
        <translation>&amp;Befehlspalette…</translation>
    </message>
    <message>
        <source>Search every action and place (Ctrl+K)</source>
        <translation>Alle Aktionen und Orte durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>&amp;Actions</source>
        <translation>&amp;Aktionen</translation>
    </message>
    <message>
        <source>Refresh every host and service now (F5)</source>
        <translation>Alle Hosts und Dienste jetzt aktualisieren (F5)</translation>
    </message>
    <message>
        <source>Settings: hosts, services, notifications (Ctrl+,)</source>
        <translation>Einstellungen: Hosts, Dienste, Benachrichtigungen (Strg+,)</translation>
    </message>
    <message>
        <source>Show the previous host (Ctrl+[)</source>
        <translation>Vorherigen Host zeigen (Strg+[)</translation>
    </message>
    <message>
        <source>Show the next host (Ctrl+])</source>
        <translation>Nächsten Host zeigen (Strg+])</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
</context>
<context>
    <name>hlc::MaintenanceDialog</name>
    <message>
        <source>every day</source>
        <translation>jeden Tag</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>While a host is in maintenance its notifications are held (recovery notices too) and its alerts are silenced in Alertmanager until the window ends. What was held is shown as one summary at the end.</source>
        <translation>Solange ein Host in Wartung ist, werden seine Benachrichtigungen (auch Entwarnungen) zurückgehalten und seine Alarme in Alertmanager stummgeschaltet, bis das Fenster endet. Was zurückgehalten wurde, wird am Ende als eine Zusammenfassung gezeigt.</translation>
    </message>
    <message>
        <source>The whole homelab</source>
        <translation>Das ganze Homelab</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Now for:</source>
        <translation>Jetzt für:</translation>
    </message>
    <message>
        <source>e.g. kernel update</source>
        <translation>z. B. Kernel-Update</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>%1: %2, %3 to %4</source>
        <translation>%1: %2, %3 bis %4</translation>
    </message>
    <message>
        <source>No weekly maintenance windows are scheduled.</source>
        <translation>Es sind keine wöchentlichen Wartungsfenster geplant.</translation>
    </message>
    <message>
        <source>Weekly windows:</source>
        <translation>Wöchentliche Fenster:</translation>
    </message>
    <message>
        <source>Start maintenance</source>
        <translation>Wartung beginnen</translation>
    </message>
    <message>
        <source>Edit weekly windows…</source>
        <translation>Wöchentliche Fenster bearbeiten …</translation>
    </message>
    <message>
        <source>No Home Assistant automation is known now (none is configured, or Home Assistant has not answered yet).</source>
        <translation>Derzeit ist keine Home-Assistant-Automatisierung bekannt (keine eingerichtet, oder Home Assistant hat noch nicht geantwortet).</translation>
    </message>
    <message>
        <source>Turn off these Home Assistant automations until the window ends (those that are on; they are turned back on at its end):</source>
        <translation>Diese Home-Assistant-Automatisierungen bis zum Ende des Fensters ausschalten (die eingeschalteten; an seinem Ende werden sie wieder eingeschaltet):</translation>
    </message>
    <message>
        <source>%1 (%2, %3) on %4</source>
        <translation>%1 (%2, %3) auf %4</translation>
    </message>
</context>
<context>
    <name>hlc::MaintenanceManager</name>
    <message>
        <source>the whole homelab</source>
        <translation>das ganze Homelab</translation>
    </message>
    <message>
        <source>A maintenance window needs at least one minute.</source>
        <translation>Ein Wartungsfenster muss mindestens eine Minute dauern.</translation>
    </message>
    <message>
        <source>There is no host %1.</source>
        <translation>Es gibt keinen Host %1.</translation>
    </message>
    <message>
        <source>Ended by %1.</source>
        <translation>Beendet von %1.</translation>
    </message>
    <message>
        <source>This maintenance window is not active.</source>
        <translation>Dieses Wartungsfenster ist nicht aktiv.</translation>
    </message>
    <message>
        <source>The window ended.</source>
        <translation>Das Fenster ist zu Ende.</translation>
    </message>
    <message>
        <source>Quiet hours ended</source>
        <translation>Ruhezeiten beendet</translation>
    </message>
    <message>
        <source>Maintenance of %1 started; it ends at %2.</source>
        <translation>Wartung von %1 begonnen; sie endet um %2.</translation>
    </message>
    <message>
        <source>Maintenance of %1 in Homelab Control Center</source>
        <translation>Wartung von %1 in Homelab Control Center</translation>
    </message>
    <message>
        <source>Maintenance of %1 in Homelab Control Center: %2</source>
        <translation>Wartung von %1 in Homelab Control Center: %2</translation>
    </message>
    <message>
        <source>The maintenance silence could not be created: %1</source>
        <translation>Die Stummschaltung für die Wartung konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Maintenance of %1 ended</source>
        <translation>Wartung von %1 beendet</translation>
    </message>
    <message>
        <source>Maintenance of %1 ended.</source>
        <translation>Wartung von %1 beendet.</translation>
    </message>
    <message>
        <source>No notifications were held.</source>
        <translation>Es wurden keine Benachrichtigungen zurückgehalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n notifications were held: </source>
        <translation>
            <numerusform>%n Benachrichtigung wurde zurückgehalten: </numerusform>
            <numerusform>%n Benachrichtigungen wurden zurückgehalten: </numerusform>
        </translation>
    </message>
    <message>
        <source>Automation %1 is off for the maintenance window.</source>
        <translation>Die Automatisierung %1 ist für das Wartungsfenster ausgeschaltet.</translation>
    </message>
    <message>
        <source>Automation %1 could not be turned off for the maintenance window: %2 Turn it off in Home Assistant if it must not run now.</source>
        <translation>Die Automatisierung %1 konnte für das Wartungsfenster nicht ausgeschaltet werden: %2 Schalten Sie sie in Home Assistant aus, wenn sie jetzt nicht laufen darf.</translation>
    </message>
    <message>
        <source>Automation %1 is on again after maintenance.</source>
        <translation>Die Automatisierung %1 ist nach der Wartung wieder eingeschaltet.</translation>
    </message>
    <message>
        <source>Automation %1 could not be turned back on after maintenance: %2 The app tries again every 30 s; you can also turn it on in Home Assistant.</source>
        <translation>Die Automatisierung %1 konnte nach der Wartung nicht wieder eingeschaltet werden: %2 Die App versucht es alle 30 s erneut; Sie können sie auch in Home Assistant einschalten.</translation>
    </message>
</context>
<context>
    <name>hlc::MaintenanceSettingsPage</name>
    <message>
        <source>Add window</source>
        <translation>Fenster hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>The whole homelab</source>
        <translation>Das ganze Homelab</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Jeden Tag</translation>
    </message>
    <message>
        <source>e.g. backups</source>
        <translation>z. B. Sicherungen</translation>
    </message>
    <message>
        <source>Maintenance window %1 starts and ends at the same time.</source>
        <translation>Wartungsfenster %1 beginnt und endet zur selben Zeit.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message numerus="yes">
        <source>%n automation</source>
        <translation>
            <numerusform>%n Automatisierung</numerusform>
            <numerusform>%n Automatisierungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Weekly maintenance windows, e.g. Sunday 03:00 to 04:00 while backups run. During a window the host&apos;s notifications are held and summarised at its end, and its alerts are silenced in Alertmanager; the automations you choose are turned off and back on at its end. A window that ends before it starts runs over midnight.</source>
        <translation>Wöchentliche Wartungsfenster, z. B. sonntags 03:00 bis 04:00, während Backups laufen. Während eines Fensters werden die Benachrichtigungen des Hosts zurückgehalten und an seinem Ende zusammengefasst, seine Alarme werden in Alertmanager stummgeschaltet, und die gewählten Automatisierungen werden aus- und an seinem Ende wieder eingeschaltet. Ein Fenster, das vor seinem Beginn endet, läuft über Mitternacht.</translation>
    </message>
    <message>
        <source>Automations turned off</source>
        <translation>Ausgeschaltete Automatisierungen</translation>
    </message>
    <message>
        <source>Home Assistant automations turned off during the window and back on after it</source>
        <translation>Home-Assistant-Automatisierungen, die während des Fensters aus- und danach wieder eingeschaltet werden</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) auf %3</translation>
    </message>
    <message>
        <source>No Home Assistant automation is known now</source>
        <translation>Derzeit ist keine Home-Assistant-Automatisierung bekannt</translation>
    </message>
</context>
<context>
    <name>hlc::MetricsMonitor</name>
    <message>
        <source>Prometheus answered the metrics query with an unexpected result type (not an instant vector).</source>
        <translation>Prometheus hat die Metrikabfrage mit einem unerwarteten Ergebnistyp beantwortet (kein Instant-Vektor).</translation>
    </message>
    <message>
        <source>Prometheus answered the history query with an unexpected result type (not a range vector).</source>
        <translation>Prometheus hat die Verlaufsabfrage mit einem unerwarteten Ergebnistyp beantwortet (kein Range-Vektor).</translation>
    </message>
</context>
<context>
    <name>hlc::NotificationSettingsPage</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>When an alert becomes a desktop notification. The alert list always shows every alert.</source>
        <translation>Wann ein Alarm zur Desktop-Benachrichtigung wird. Die Alarmliste zeigt immer jeden Alarm.</translation>
    </message>
    <message>
        <source>Announce “resolved” after it stayed resolved for</source>
        <translation>„Behoben“ melden, nachdem er behoben blieb für</translation>
    </message>
    <message>
        <source>notifications within</source>
        <translation>Benachrichtigungen innerhalb von</translation>
    </message>
    <message>
        <source>Collapse into one summary beyond</source>
        <translation>Zu einer Zusammenfassung bündeln ab</translation>
    </message>
    <message>
        <source>Notify again while still firing after</source>
        <translation>Erneut benachrichtigen, wenn er noch feuert nach</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation>Warnung und höher</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Nur kritisch</translation>
    </message>
    <message>
        <source>Notify for</source>
        <translation>Benachrichtigen bei</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Quiet hours: hold notifications and show one summary when they end</source>
        <translation>Ruhezeiten: Benachrichtigungen zurückhalten und an ihrem Ende zusammengefasst zeigen</translation>
    </message>
    <message>
        <source>Critical alerts are shown at once during quiet hours</source>
        <translation>Kritische Alarme werden in den Ruhezeiten sofort angezeigt</translation>
    </message>
</context>
<context>
    <name>hlc::OverviewPage</name>
    <message>
        <source>No hosts are configured. Add one under Edit → Settings → Hosts, or start with --demo to see the simulated homelab.</source>
        <translation>Keine Hosts konfiguriert. Fügen Sie einen unter Bearbeiten → Einstellungen → Hosts hinzu oder starten Sie mit --demo, um das simulierte Homelab zu sehen.</translation>
    </message>
</context>
<context>
    <name>hlc::ProbeSettingsPage</name>
    <message>
        <source>Cheap checks that a service answers, without credentials. A host without probes gets one HTTP probe per configured service.</source>
        <translation>Einfache Prüfungen, ob ein Dienst antwortet, ohne Zugangsdaten. Ein Host ohne Prüfungen bekommt eine HTTP-Prüfung pro konfiguriertem Dienst.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Add probe</source>
        <translation>Prüfung hinzufügen</translation>
    </message>
    <message>
        <source>Remove probe</source>
        <translation>Prüfung entfernen</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>Neue Prüfung</translation>
    </message>
</context>
<context>
    <name>hlc::PrometheusLabelLookup</name>
    <message>
        <source>The secret would travel unencrypted over http://; nothing was sent. Allow unencrypted on this network, or use https://.</source>
        <translation>Das Geheimnis würde unverschlüsselt über http:// übertragen; es wurde nichts gesendet. Unverschlüsselt in diesem Netz erlauben oder https:// verwenden.</translation>
    </message>
</context>
<context>
    <name>hlc::ProxmoxClusterFeed</name>
    <message>
        <source>The configuration groups these hosts as cluster &quot;%1&quot;, but Proxmox reports a standalone node: each host&apos;s guests may be missing. Remove &quot;cluster&quot; from their Proxmox services.</source>
        <translation>Die Konfiguration fasst diese Hosts als Cluster „%1“ zusammen, aber Proxmox meldet einen einzelnen Knoten: Die Gäste jedes Hosts fehlen vielleicht. Entfernen Sie „cluster“ aus ihren Proxmox-Diensten.</translation>
    </message>
    <message>
        <source>The configuration names the cluster &quot;%1&quot;, but Proxmox calls it &quot;%2&quot;.</source>
        <translation>Die Konfiguration nennt den Cluster „%1“, aber Proxmox nennt ihn „%2“.</translation>
    </message>
</context>
<context>
    <name>hlc::ProxmoxHistoryChart</name>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Letzte Woche</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory used %</source>
        <translation>Speicher belegt %</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Verlauf:</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Verlauf nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 · %2: memory %3 (%4 of %5)</source>
        <translation>%1 · %2: Speicher %3 (%4 von %5)</translation>
    </message>
    <message>
        <source>%1 · %2: CPU %3</source>
        <translation>%1 · %2: CPU %3</translation>
    </message>
</context>
<context>
    <name>hlc::PveumCommands</name>
    <message>
        <source>No token found: paste the whole output of &quot;pveum user token add&quot;, including the lines &quot;full-tokenid&quot; and &quot;value&quot;.</source>
        <translation>Kein Token gefunden: Fügen Sie die ganze Ausgabe von „pveum user token add“ ein, einschließlich der Zeilen „full-tokenid“ und „value“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a token id of the form USER@REALM!TOKENID.</source>
        <translation>„%1“ ist keine Token-ID der Form USER@REALM!TOKENID.</translation>
    </message>
    <message>
        <source>The token value is not a UUID as pveum prints it: copy it again.</source>
        <translation>Der Token-Wert ist keine UUID, wie pveum sie ausgibt: Kopieren Sie ihn erneut.</translation>
    </message>
</context>
<context>
    <name>hlc::RunHistoryModel</name>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
</context>
<context>
    <name>hlc::SecondFactorDialog</name>
    <message>
        <source>Proxmox two-factor code</source>
        <translation>Proxmox-Zwei-Faktor-Code</translation>
    </message>
    <message>
        <source>Proxmox on %1: the account %2 uses two-factor authentication. Enter the current code from your authenticator app.</source>
        <translation>Proxmox auf %1: Das Konto %2 verwendet Zwei-Faktor-Authentifizierung. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>The code is used for this login only and is not stored. The app renews the ticket while it runs; after a pause of more than two hours it asks for a code again. An API token for the app needs no code.</source>
        <translation>Der Code wird nur für diese Anmeldung verwendet und nicht gespeichert. Die App erneuert das Ticket, solange sie läuft; nach einer Pause von mehr als zwei Stunden fragt sie erneut nach einem Code. Ein API-Token für die App braucht keinen Code.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>hlc::SecretEntryDialog</name>
    <message>
        <source>Enter secret</source>
        <translation>Geheimnis eingeben</translation>
    </message>
    <message>
        <source>%1 (%2) on %3 needs %4.</source>
        <translation>%1 (%2) auf %3 braucht %4.</translation>
    </message>
    <message>
        <source>The service refused the stored secret (HTTP 401). Enter the current one.</source>
        <translation>Der Dienst hat das gespeicherte Geheimnis abgelehnt (HTTP 401). Geben Sie das aktuelle ein.</translation>
    </message>
    <message>
        <source>No secret is stored for this service yet.</source>
        <translation>Für diesen Dienst ist noch kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>It is kept in the system keychain (in session-only mode: in memory until the app quits), never in the configuration file.</source>
        <translation>Es wird im System-Schlüsselbund aufbewahrt (im Nur-Sitzung-Modus: im Speicher, bis die App beendet wird), nie in der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>Save secret</source>
        <translation>Geheimnis speichern</translation>
    </message>
</context>
<context>
    <name>hlc::SecretStore</name>
    <message>
        <source>No secret is kept for %1 in this session. Enter it again.</source>
        <translation>In dieser Sitzung ist kein Geheimnis für %1 hinterlegt. Geben Sie es erneut ein.</translation>
    </message>
    <message>
        <source>No secret is stored for %1 in the keychain. Enter it to continue.</source>
        <translation>Im Schlüsselbund ist kein Geheimnis für %1 gespeichert. Geben Sie es ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>The keychain reported an error for %1: %2</source>
        <translation>Der Schlüsselbund meldete einen Fehler für %1: %2</translation>
    </message>
    <message>
        <source>No keychain is available on this system. Install and start a Secret Service such as GNOME Keyring or KWallet.</source>
        <translation>Auf diesem System ist kein Schlüsselbund verfügbar. Installieren und starten Sie einen Secret Service wie GNOME Keyring oder KWallet.</translation>
    </message>
    <message>
        <source>No D-Bus session is running, so the system keychain cannot be reached.</source>
        <translation>Es läuft keine D-Bus-Sitzung, daher ist der System-Schlüsselbund nicht erreichbar.</translation>
    </message>
    <message>
        <source>No Secret Service is running (org.freedesktop.secrets). Start GNOME Keyring or KWallet.</source>
        <translation>Es läuft kein Secret Service (org.freedesktop.secrets). Starten Sie GNOME Keyring oder KWallet.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it (your desktop&apos;s keyring or password manager) and this app goes on by itself; secrets you enter meanwhile are kept until then. Or keep secrets for this session only.</source>
        <translation>Der Schlüsselbund ist gesperrt. Entsperren Sie ihn (im Schlüsselbund oder Passwortmanager Ihres Desktops), dann macht diese App von selbst weiter; Geheimnisse, die Sie bis dahin eingeben, werden aufbewahrt. Oder Geheimnisse nur für diese Sitzung behalten.</translation>
    </message>
    <message>
        <source>The keychain is locked: the secret is kept and stored as soon as it is unlocked.</source>
        <translation>Der Schlüsselbund ist gesperrt: das Geheimnis wird aufbewahrt und gespeichert, sobald er entsperrt ist.</translation>
    </message>
</context>
<context>
    <name>hlc::ServiceDirectory</name>
    <message>
        <source>No secret stored for this service yet: enter it.</source>
        <translation>Für diesen Dienst ist noch kein Geheimnis gespeichert: Geben Sie es ein.</translation>
    </message>
    <message>
        <source>The system keychain cannot be reached.</source>
        <translation>Der System-Schlüsselbund ist nicht erreichbar.</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (self-signed or unknown issuer).</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (selbstsigniert oder unbekannter Aussteller).</translation>
    </message>
    <message>
        <source>The certificate of %1 changed: it is not the one you trusted.</source>
        <translation>Das Zertifikat von %1 hat sich geändert: Es ist nicht das, dem Sie vertraut haben.</translation>
    </message>
</context>
<context>
    <name>hlc::ServiceHealthModel</name>
    <message>
        <source>up</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>hlc::ServiceSetupPage</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Proxmox API token</source>
        <translation>Proxmox-API-Token</translation>
    </message>
    <message>
        <source>Proxmox user + password</source>
        <translation>Proxmox-Benutzer + Passwort</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>User + password</source>
        <translation>Benutzer + Passwort</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Unique on this host: lower-case letters, digits and &quot;-&quot;.</source>
        <translation>Eindeutig auf diesem Host: Kleinbuchstaben, Ziffern und „-“.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>User / token id</source>
        <translation>Benutzer / Token-ID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>token, key or password (kept in the keychain)</source>
        <translation>Token, Schlüssel oder Passwort (im Schlüsselbund aufbewahrt)</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Allow unencrypted on this network (the secret is readable on the wire)</source>
        <translation>Unverschlüsselt in diesem Netz erlauben (das Geheimnis ist auf der Leitung lesbar)</translation>
    </message>
    <message>
        <source>the node name, e.g. pve</source>
        <translation>der Knotenname, z. B. pve</translation>
    </message>
    <message>
        <source>empty: standalone</source>
        <translation>leer: einzelner Knoten</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10:9100</source>
        <translation>z. B. 192.168.1.10:9100</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Environment id</source>
        <translation>Umgebungs-ID</translation>
    </message>
    <message>
        <source>Prometheus instance</source>
        <translation>Prometheus-Instanz</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Portainer: create the API key (My account &gt; Access tokens) as a user with the administrator role; a standard user&apos;s key sees only the environments and stacks it was given access to, and cannot start or stop stacks it does not own.</source>
        <translation>Portainer: Erstellen Sie den API-Schlüssel (My account &gt; Access tokens) als Benutzer mit Administratorrolle; der Schlüssel eines normalen Benutzers sieht nur die Umgebungen und Stacks, für die er Zugriff hat, und kann Stacks, die ihm nicht gehören, nicht starten oder stoppen.</translation>
    </message>
    <message>
        <source>Home Assistant: create a long-lived access token in your profile (Profile &gt; Security &gt; Long-lived access tokens), ideally for a user made for this app.</source>
        <translation>Home Assistant: Erstellen Sie ein langlebiges Zugriffstoken in Ihrem Profil (Profil &gt; Sicherheit &gt; Langlebige Zugriffstokens), am besten für einen eigens für diese App angelegten Benutzer.</translation>
    </message>
    <message>
        <source>AdGuard Home: the user and password of its web interface.</source>
        <translation>AdGuard Home: Benutzer und Passwort seiner Weboberfläche.</translation>
    </message>
    <message>
        <source>Least privilege: create a dedicated read-only API token</source>
        <translation>Minimale Rechte: ein eigenes API-Token nur zum Lesen erstellen</translation>
    </message>
    <message>
        <source>Guests (VM.Audit)</source>
        <translation>Gäste (VM.Audit)</translation>
    </message>
    <message>
        <source>Storage (Datastore.Audit)</source>
        <translation>Speicher (Datastore.Audit)</translation>
    </message>
    <message>
        <source>Start/stop guests (VM.PowerMgmt)</source>
        <translation>Gäste starten/stoppen (VM.PowerMgmt)</translation>
    </message>
    <message>
        <source>Run these on the node as root (a shell on the node, or Shell in its web UI):</source>
        <translation>Führen Sie dies auf dem Knoten als root aus (eine Shell auf dem Knoten oder „Shell“ in seiner Weboberfläche):</translation>
    </message>
    <message>
        <source>Then paste the output of &quot;pveum user token add&quot; here:</source>
        <translation>Fügen Sie dann die Ausgabe von „pveum user token add“ hier ein:</translation>
    </message>
    <message>
        <source>Use this token</source>
        <translation>Dieses Token verwenden</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>unchanged (type to replace the stored secret)</source>
        <translation>unverändert (tippen, um das gespeicherte Geheimnis zu ersetzen)</translation>
    </message>
    <message>
        <source>none (http)</source>
        <translation>keines (http)</translation>
    </message>
    <message>
        <source>trusted by the system, or asked at the first test</source>
        <translation>vom System vertraut oder beim ersten Test erfragt</translation>
    </message>
    <message>
        <source>pinned: %1</source>
        <translation>gepinnt: %1</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Wird getestet...</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Connected: %1</source>
        <translation>Verbunden: %1</translation>
    </message>
    <message>
        <source>version %1, %2</source>
        <translation>Version %1, %2</translation>
    </message>
    <message>
        <source>Failed: see the step marked Failed.</source>
        <translation>Fehlgeschlagen: siehe den als „Fehlgeschlagen“ markierten Schritt.</translation>
    </message>
    <message>
        <source>Token %1 filled in; test the connection.</source>
        <translation>Token %1 eingetragen; testen Sie die Verbindung.</translation>
    </message>
    <message>
        <source>e.g. job=&quot;node-exporter-hostA&quot; (empty: match by instance)</source>
        <translation>z. B. job=&quot;node-exporter-hostA&quot; (leer: nach Instanz zuordnen)</translation>
    </message>
    <message>
        <source>Labels that select this host&apos;s node_exporter series in Prometheus, instead of the instance: name=&quot;value&quot; pairs separated by commas.</source>
        <translation>Labels, die die node_exporter-Serien dieses Hosts in Prometheus auswählen, statt der Instanz: name=&quot;wert&quot;-Paare, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Or match by labels</source>
        <translation>Oder nach Labels zuordnen</translation>
    </message>
    <message>
        <source>Find in Prometheus</source>
        <translation>In Prometheus suchen</translation>
    </message>
    <message>
        <source>Ask this Prometheus which jobs and scrape targets it has, and pick this host&apos;s.</source>
        <translation>Diesen Prometheus nach seinen Jobs und Scrape-Targets fragen und den dieses Hosts auswählen.</translation>
    </message>
    <message>
        <source>Pin it anyway…</source>
        <translation>Trotzdem pinnen…</translation>
    </message>
    <message>
        <source>Accept only this exact certificate from now on, even when your system would trust another one for this name.</source>
        <translation>Ab jetzt nur genau dieses Zertifikat akzeptieren, auch wenn Ihr System einem anderen für diesen Namen vertrauen würde.</translation>
    </message>
    <message>
        <source>Forget pin</source>
        <translation>Pin vergessen</translation>
    </message>
    <message>
        <source>Accept what your system trusts again; an untrusted certificate is asked for at the next test.</source>
        <translation>Wieder akzeptieren, was Ihr System als vertrauenswürdig ansieht; ein nicht vertrauenswürdiges Zertifikat wird beim nächsten Test erfragt.</translation>
    </message>
    <message>
        <source>Pin this certificate?</source>
        <translation>Dieses Zertifikat pinnen?</translation>
    </message>
    <message>
        <source>Pin the certificate of %1?

Subject: %2
Issuer: %3
Valid until: %4
SHA-256: %5

Your system trusts it already. Pinned, only this exact certificate is accepted, even one your system would trust; when the server gets a new certificate, you confirm it here first.</source>
        <translation>Das Zertifikat von %1 pinnen?

Subjekt: %2
Aussteller: %3
Gültig bis: %4
SHA-256: %5

Ihr System vertraut ihm bereits. Gepinnt wird nur genau dieses Zertifikat akzeptiert, auch keines, dem Ihr System vertrauen würde; bekommt der Server ein neues Zertifikat, bestätigen Sie es zuerst hier.</translation>
    </message>
    <message>
        <source>Asking Prometheus...</source>
        <translation>Prometheus wird gefragt...</translation>
    </message>
    <message>
        <source>job &quot;%1&quot;</source>
        <translation>Job &quot;%1&quot;</translation>
    </message>
    <message>
        <source>instance %1 (job %2)</source>
        <translation>Instanz %1 (Job %2)</translation>
    </message>
    <message>
        <source>Prometheus did not answer: %1</source>
        <translation>Prometheus hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>Prometheus has no jobs and no scrape targets yet.</source>
        <translation>Prometheus hat noch keine Jobs und keine Scrape-Targets.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n jobs</source>
        <translation>
            <numerusform>%n Job gefunden</numerusform>
            <numerusform>%n Jobs gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrape targets: pick the one of this host.</source>
        <translation>
            <numerusform>%n Scrape-Target: das dieses Hosts auswählen.</numerusform>
            <numerusform>%n Scrape-Targets: das dieses Hosts auswählen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ServicesHealthView</name>
    <message>
        <source>Open in browser</source>
        <translation>Im Browser öffnen</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n services down</source>
        <translation>
            <numerusform>%1 von %n Dienst ausgefallen</numerusform>
            <numerusform>%1 von %n Diensten ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n services, all answering</source>
        <translation>
            <numerusform>%n Dienst, alle antworten</numerusform>
            <numerusform>%n Dienste, alle antworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n services answering, but not every API works</source>
        <translation>
            <numerusform>%n Dienst antwortet, aber nicht jede API funktioniert</numerusform>
            <numerusform>%n Dienste antworten, aber nicht jede API funktioniert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Health probes</source>
        <translation>Zustandsprüfungen</translation>
    </message>
    <message>
        <source>n8n webhooks</source>
        <translation>n8n-Webhooks</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
</context>
<context>
    <name>hlc::SnoozeDialog</name>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Snooze &quot;%1&quot;: it leaves the list of things that need attention until then, and comes back by itself.</source>
        <translation>„%1“ zurückstellen: Es verlässt bis dahin die Liste der Dinge, die Aufmerksamkeit erfordern, und kommt von selbst zurück.</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>Until tomorrow 08:00</source>
        <translation>Bis morgen 08:00</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <source>e.g. upgrading the host tonight</source>
        <translation>z. B. Host-Upgrade heute Nacht</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
</context>
<context>
    <name>hlc::SourceBanner</name>
    <message>
        <source>Data shown is stale, last fresh at %1.</source>
        <translation>Die angezeigten Daten sind veraltet, zuletzt frisch um %1.</translation>
    </message>
</context>
<context>
    <name>hlc::StackTreeModel</name>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Not in a stack</source>
        <translation>In keinem Stack</translation>
    </message>
    <message>
        <source>Containers that belong to no Portainer stack of this host</source>
        <translation>Container, die zu keinem Portainer-Stack dieses Hosts gehören</translation>
    </message>
    <message>
        <source>%1/%2 running</source>
        <translation>%1/%2 laufen</translation>
    </message>
    <message>
        <source>Compose project %1 (not a Portainer stack of this host)</source>
        <translation>Compose-Projekt %1 (kein Portainer-Stack dieses Hosts)</translation>
    </message>
    <message>
        <source>Stack / container</source>
        <translation>Stack / Container</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>hlc::StacksView</name>
    <message>
        <source>Start stack</source>
        <translation>Stack starten</translation>
    </message>
    <message>
        <source>Stop stack</source>
        <translation>Stack stoppen</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Log…</source>
        <translation>Log…</translation>
    </message>
    <message>
        <source>Filter stacks and containers by name, state or image</source>
        <translation>Stacks und Container nach Name, Zustand oder Image filtern</translation>
    </message>
    <message>
        <source>Portainer</source>
        <translation>Portainer</translation>
    </message>
    <message>
        <source>Confirm action</source>
        <translation>Aktion bestätigen</translation>
    </message>
    <message>
        <source>Stop the stack %1 on %2? All of its containers will be stopped.</source>
        <translation>Den Stack %1 auf %2 stoppen? Alle seine Container werden gestoppt.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was sent.</source>
        <translation>Abgebrochen: Nichts wurde gesendet.</translation>
    </message>
    <message>
        <source>Starting stack %1 on %2…</source>
        <translation>Stack %1 auf %2 wird gestartet…</translation>
    </message>
    <message>
        <source>Stopping stack %1 on %2…</source>
        <translation>Stack %1 auf %2 wird gestoppt…</translation>
    </message>
    <message>
        <source>Stop the container %1 on %2?</source>
        <translation>Den Container %1 auf %2 stoppen?</translation>
    </message>
    <message>
        <source>Restart the container %1 on %2?</source>
        <translation>Den Container %1 auf %2 neu starten?</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n stacks active; containers: %2 running, %3 stopped</source>
        <translation>
            <numerusform>%1 von %n Stack aktiv; Container: %2 laufen, %3 gestoppt</numerusform>
            <numerusform>%1 von %n Stacks aktiv; Container: %2 laufen, %3 gestoppt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::SuppressDialog</name>
    <message>
        <source>Suppress</source>
        <translation>Unterdrücken</translation>
    </message>
    <message>
        <source>Suppress &quot;%1&quot;: it is known and accepted for now. It is shown as suppressed with your reason until the expiry, and can be brought back at any time.</source>
        <translation>„%1“ unterdrücken: Es ist bekannt und vorerst hingenommen. Es wird bis zum Ablauf mit Ihrem Grund als unterdrückt angezeigt und kann jederzeit zurückgeholt werden.</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>required, e.g. replacement disk ordered</source>
        <translation>erforderlich, z. B. Ersatzplatte bestellt</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
</context>
<context>
    <name>hlc::TlsRejection</name>
    <message>
        <source>The secure connection to %1 failed: it presented no certificate.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: Es wurde kein Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>The certificate of %1 changed: it is not the one you trusted. New SHA-256 fingerprint: %2</source>
        <translation>Das Zertifikat von %1 hat sich geändert: Es ist nicht das, dem Sie vertraut haben. Neuer SHA-256-Fingerabdruck: %2</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (self-signed or unknown issuer). SHA-256 fingerprint: %2</source>
        <translation>Dem Zertifikat von %1 wird nicht vertraut (selbstsigniert oder unbekannter Aussteller). SHA-256-Fingerabdruck: %2</translation>
    </message>
</context>
<context>
    <name>hlc::TrayIcon</name>
    <message>
        <source>Open Homelab Control Center</source>
        <translation>Homelab Control Center öffnen</translation>
    </message>
    <message>
        <source>Firing alerts</source>
        <translation>Feuernde Alarme</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Homelab Control Center: no firing alerts</source>
        <translation>Homelab Control Center: keine feuernden Alarme</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation>für 1 Stunde</translation>
    </message>
    <message>
        <source>for 4 hours</source>
        <translation>für 4 Stunden</translation>
    </message>
    <message>
        <source>for 24 hours</source>
        <translation>für 24 Stunden</translation>
    </message>
    <message>
        <source>No firing alerts</source>
        <translation>Keine feuernden Alarme</translation>
    </message>
    <message numerus="yes">
        <source>Homelab Control Center: %n firing alerts, worst: %1</source>
        <translation>
            <numerusform>Homelab Control Center: %n aktiver Alarm, schlimmster: %1</numerusform>
            <numerusform>Homelab Control Center: %n aktive Alarme, schlimmster: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Snoozed from the desktop notification</source>
        <translation>Aus der Desktop-Benachrichtigung zurückgestellt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Snooze 1 h</source>
        <translation>1 h zurückstellen</translation>
    </message>
    <message>
        <source>Restart container</source>
        <translation>Container neu starten</translation>
    </message>
    <message>
        <source>Start guest</source>
        <translation>Gast starten</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more in the window</source>
        <translation>
            <numerusform>…und %n weiterer im Fenster</numerusform>
            <numerusform>…und %n weitere im Fenster</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::WebhookActions</name>
    <message>
        <source>No keychain to read the header secret of %1 from.</source>
        <translation>Kein Schlüsselbund, aus dem das Header-Geheimnis von %1 gelesen werden kann.</translation>
    </message>
    <message>
        <source>No secret for the header %1 of %2 is stored (keychain key %3).</source>
        <translation>Für den Header %1 von %2 ist kein Geheimnis gespeichert (Schlüsselbund-Schlüssel %3).</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>%1 triggered</source>
        <translation>%1 ausgelöst</translation>
    </message>
    <message>
        <source>Check in n8n whether the workflow ran before triggering it again.</source>
        <translation>Prüfen Sie in n8n, ob der Workflow lief, bevor Sie ihn erneut auslösen.</translation>
    </message>
    <message>
        <source>%1: outcome unknown</source>
        <translation>%1: Ergebnis unbekannt</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>hlc::WebhookSettingsPage</name>
    <message>
        <source>Quick actions that call an n8n workflow&apos;s webhook. A header secret is stored in the system keychain, never in the configuration file; leave it empty to keep the stored one.</source>
        <translation>Schnellaktionen, die den Webhook eines n8n-Workflows aufrufen. Ein Header-Geheimnis wird im System-Schlüsselbund gespeichert, nie in der Konfigurationsdatei; lassen Sie es leer, um das gespeicherte zu behalten.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Webhook path</source>
        <translation>Webhook-Pfad</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Auth header</source>
        <translation>Auth-Header</translation>
    </message>
    <message>
        <source>Header secret</source>
        <translation>Header-Geheimnis</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Webhook hinzufügen</translation>
    </message>
    <message>
        <source>Remove webhook</source>
        <translation>Webhook entfernen</translation>
    </message>
    <message>
        <source>No n8n service is configured.</source>
        <translation>Kein n8n-Dienst konfiguriert.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Webhook %1 of %2: the id must be unique and use only a-z, 0-9 and “-”.</source>
        <translation>Webhook %1 von %2: Die ID muss eindeutig sein und darf nur a-z, 0-9 und „-“ enthalten.</translation>
    </message>
    <message>
        <source>Webhook %1 (%2): the webhook path is missing.</source>
        <translation>Webhook %1 (%2): Der Webhook-Pfad fehlt.</translation>
    </message>
</context>
<context>
    <name>hlc::WelcomePage</name>
    <message>
        <source>Welcome to Homelab Control Center</source>
        <translation>Willkommen bei Homelab Control Center</translation>
    </message>
    <message>
        <source>Your hosts, guests, containers, metrics and alerts in one native window. Nothing is configured yet: look around in a simulated homelab first, or add your own Proxmox host.</source>
        <translation>Ihre Hosts, Gäste, Container, Metriken und Alarme in einem nativen Fenster. Noch ist nichts konfiguriert: Sehen Sie sich zuerst in einem simulierten Homelab um oder fügen Sie Ihren eigenen Proxmox-Host hinzu.</translation>
    </message>
    <message>
        <source>Explore the demo homelab</source>
        <translation>Demo-Homelab erkunden</translation>
    </message>
    <message>
        <source>Starts a simulated homelab on this computer (127.0.0.1 only). Nothing is saved.</source>
        <translation>Startet ein simuliertes Homelab auf diesem Computer (nur 127.0.0.1). Nichts wird gespeichert.</translation>
    </message>
    <message>
        <source>Add my first host</source>
        <translation>Meinen ersten Host hinzufügen</translation>
    </message>
    <message>
        <source>Your settings will be saved in the file below. Secrets (tokens, passwords) go to the system keychain, never into that file.</source>
        <translation>Ihre Einstellungen werden in der Datei unten gespeichert. Geheimnisse (Tokens, Passwörter) kommen in den System-Schlüsselbund, nie in diese Datei.</translation>
    </message>
</context>
<context>
    <name>hlc::adguard::AdGuardClient</name>
    <message>
        <source>AdGuard Home rejected the user name or password (HTTP %1).</source>
        <translation>AdGuard Home hat Benutzername oder Passwort abgelehnt (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>hlc::agents</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 ist erforderlich.</translation>
    </message>
    <message>
        <source>%1 must be text.</source>
        <translation>%1 muss Text sein.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>%1 must be one of: %2.</source>
        <translation>%1 muss eines davon sein: %2.</translation>
    </message>
    <message>
        <source>%1 must be yes or no.</source>
        <translation>%1 muss ja oder nein sein.</translation>
    </message>
    <message>
        <source>%1 must be a whole number.</source>
        <translation>%1 muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 muss zwischen %2 und %3 liegen.</translation>
    </message>
    <message>
        <source>%1 is not an input of this agent.</source>
        <translation>%1 ist keine Eingabe dieses Agenten.</translation>
    </message>
</context>
<context>
    <name>hlc::agents::AgentEventStream</name>
    <message>
        <source>The agent platform sent an event stream line longer than %1 MiB; the stream was dropped.</source>
        <translation>Die Agentenplattform hat eine Event-Stream-Zeile länger als %1 MiB gesendet; der Stream wurde verworfen.</translation>
    </message>
    <message>
        <source>The agent platform sent an event larger than %1 MiB; the stream was dropped.</source>
        <translation>Die Agentenplattform hat ein Ereignis größer als %1 MiB gesendet; der Stream wurde verworfen.</translation>
    </message>
</context>
<context>
    <name>hlc::agents::AgentsClient</name>
    <message>
        <source>The agent rejected the input: %1</source>
        <translation>Der Agent hat die Eingabe abgelehnt: %1</translation>
    </message>
    <message>
        <source>The agent cannot take this now (HTTP 409).</source>
        <translation>Der Agent kann das gerade nicht annehmen (HTTP 409).</translation>
    </message>
    <message>
        <source>Not possible now: %1</source>
        <translation>Gerade nicht möglich: %1</translation>
    </message>
    <message>
        <source>The agent platform rejected the API token (HTTP 401).</source>
        <translation>Die Agentenplattform hat das API-Token abgelehnt (HTTP 401).</translation>
    </message>
</context>
<context>
    <name>hlc::am::AlertmanagerClient</name>
    <message>
        <source>Alertmanager refused (HTTP %1): %2</source>
        <translation>Alertmanager hat abgelehnt (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>hlc::filePermissions</name>
    <message>
        <source>the file belongs to another user</source>
        <translation>die Datei gehört einem anderen Benutzer</translation>
    </message>
    <message>
        <source>other users can change the file</source>
        <translation>andere Benutzer können die Datei ändern</translation>
    </message>
    <message>
        <source>other users can replace it (its folder is writable by them)</source>
        <translation>andere Benutzer können sie ersetzen (ihr Ordner ist für sie beschreibbar)</translation>
    </message>
    <message>
        <source>The configuration %1 is not protected: %2. Another account could point the app at a server of its own and receive your tokens.</source>
        <translation>Die Konfiguration %1 ist nicht geschützt: %2. Ein anderes Konto könnte die App auf einen eigenen Server lenken und Ihre Tokens erhalten.</translation>
    </message>
    <message>
        <source>To fix it, run: %1</source>
        <translation>Zur Behebung ausführen: %1</translation>
    </message>
</context>
<context>
    <name>hlc::format</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>vor %n s</numerusform>
            <numerusform>vor %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hlc::ha::HomeAssistantClient</name>
    <message>
        <source>Home Assistant did not complete the WebSocket login in time.</source>
        <translation>Home Assistant hat die WebSocket-Anmeldung nicht rechtzeitig abgeschlossen.</translation>
    </message>
    <message>
        <source>Home Assistant stopped answering (no pong).</source>
        <translation>Home Assistant antwortet nicht mehr (kein Pong).</translation>
    </message>
    <message>
        <source>The connection to Home Assistant was lost after the action was sent, before an answer came. The action may or may not have been carried out: check its current state before trying again.</source>
        <translation>Die Verbindung zu Home Assistant ging nach dem Senden der Aktion verloren, bevor eine Antwort kam. Die Aktion wurde möglicherweise ausgeführt oder auch nicht: Prüfen Sie den aktuellen Zustand, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>The connection to Home Assistant was closed.</source>
        <translation>Die Verbindung zu Home Assistant wurde geschlossen.</translation>
    </message>
    <message>
        <source>Home Assistant rejected the access token (auth_invalid). Create a new long-lived token under your profile and enter it.</source>
        <translation>Home Assistant hat das Zugriffstoken abgelehnt (auth_invalid). Erstellen Sie in Ihrem Profil ein neues langlebiges Token und geben Sie es ein.</translation>
    </message>
    <message>
        <source>Home Assistant refused the action: %1</source>
        <translation>Home Assistant hat die Aktion abgelehnt: %1</translation>
    </message>
    <message>
        <source>Home Assistant rejected the access token (HTTP %1).</source>
        <translation>Home Assistant hat das Zugriffstoken abgelehnt (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>hlc::json</name>
    <message>
        <source>The answer for %1 is nested too deeply (more than %2 levels).</source>
        <translation>Die Antwort für %1 ist zu tief verschachtelt (mehr als %2 Ebenen).</translation>
    </message>
    <message>
        <source>The answer for %1 is not valid JSON.</source>
        <translation>Die Antwort für %1 ist kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The answer for %1 has an unexpected shape.</source>
        <translation>Die Antwort für %1 hat eine unerwartete Form.</translation>
    </message>
</context>
<context>
    <name>hlc::n8n::N8nClient</name>
    <message>
        <source>(no response body)</source>
        <translation>(kein Antwortinhalt)</translation>
    </message>
    <message>
        <source>n8n does not know this webhook (HTTP 404): is the workflow active? %1</source>
        <translation>n8n kennt diesen Webhook nicht (HTTP 404): Ist der Workflow aktiv? %1</translation>
    </message>
    <message>
        <source>n8n refused the webhook&apos;s credentials (HTTP %1): %2</source>
        <translation>n8n hat die Zugangsdaten des Webhooks abgelehnt (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>hlc::ollama::OllamaClient</name>
    <message>
        <source>The proxy in front of Ollama refused %1 with the configured token (HTTP %2). Check the token.</source>
        <translation>Der Proxy vor Ollama hat %1 mit dem konfigurierten Token abgelehnt (HTTP %2). Prüfen Sie das Token.</translation>
    </message>
    <message>
        <source>%1 was refused (HTTP %2). Ollama itself has no login: a proxy in front of it protects this endpoint. Give this service the proxy&apos;s token (auth &quot;bearer&quot;), or let the proxy pass it.</source>
        <translation>%1 wurde abgelehnt (HTTP %2). Ollama selbst hat keine Anmeldung: Ein Proxy davor schützt diesen Endpunkt. Geben Sie diesem Dienst das Token des Proxys (Authentifizierung „bearer“) oder lassen Sie den Proxy die Anfrage durch.</translation>
    </message>
    <message>
        <source>Ollama: %1</source>
        <translation>Ollama: %1</translation>
    </message>
</context>
<context>
    <name>hlc::portainer::PortainerClient</name>
    <message>
        <source>Portainer rejected the access token (HTTP 401). Check the API key (it starts with ptr_).</source>
        <translation>Portainer hat das Zugriffstoken abgelehnt (HTTP 401). Prüfen Sie den API-Schlüssel (er beginnt mit ptr_).</translation>
    </message>
    <message>
        <source>The Portainer user of this token is not allowed to do this (HTTP 403).</source>
        <translation>Der Portainer-Benutzer dieses Tokens darf das nicht (HTTP 403).</translation>
    </message>
    <message>
        <source>Portainer denied this (HTTP 403): %1</source>
        <translation>Portainer hat das verweigert (HTTP 403): %1</translation>
    </message>
    <message>
        <source>Portainer does not know this object (HTTP 404).</source>
        <translation>Portainer kennt dieses Objekt nicht (HTTP 404).</translation>
    </message>
    <message>
        <source>Portainer: %1 (HTTP 404)</source>
        <translation>Portainer: %1 (HTTP 404)</translation>
    </message>
    <message>
        <source>Portainer refused the request (HTTP %1): %2</source>
        <translation>Portainer hat die Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
</context>
<context>
    <name>hlc::probejson</name>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Wrong type: expected %1, found %2.</source>
        <translation>Falscher Typ: %1 erwartet, %2 gefunden.</translation>
    </message>
    <message>
        <source>This field is missing: add it as %1.</source>
        <translation>Dieses Feld fehlt: Fügen Sie es als %1 hinzu.</translation>
    </message>
    <message>
        <source>Unknown probe kind &quot;%1&quot;. Use one of: http, tcp, redis.</source>
        <translation>Unbekannte Prüfart „%1“. Verwenden Sie eine von: http, tcp, redis.</translation>
    </message>
    <message>
        <source>The health check interval %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation>Das Intervall der Zustandsprüfung %1 ms liegt außerhalb des Bereichs: Verwenden Sie %2 bis %3 Millisekunden.</translation>
    </message>
    <message>
        <source>The health check timeout %1 ms is out of range: use %2 to %3 milliseconds.</source>
        <translation>Das Zeitlimit der Zustandsprüfung %1 ms liegt außerhalb des Bereichs: Verwenden Sie %2 bis %3 Millisekunden.</translation>
    </message>
    <message>
        <source>The probe needs a name, e.g. &quot;Grafana&quot;.</source>
        <translation>Die Prüfung braucht einen Namen, z. B. „Grafana“.</translation>
    </message>
    <message>
        <source>A probe address must not contain a user name or password: probes never send credentials.</source>
        <translation>Eine Prüfadresse darf keinen Benutzernamen und kein Passwort enthalten: Prüfungen senden nie Zugangsdaten.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address for an HTTP probe: write an absolute http:// or https:// URL, e.g. http://192.168.16.7:3000/api/health.</source>
        <translation>„%1“ ist keine verwendbare Adresse für eine HTTP-Prüfung: Schreiben Sie eine absolute http://- oder https://-URL, z. B. http://192.168.16.7:3000/api/health.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable address for a %2 probe: write %2://HOST:PORT, e.g. %2://192.168.17.1:5432.</source>
        <translation>„%1“ ist keine verwendbare Adresse für eine %2-Prüfung: Schreiben Sie %2://HOST:PORT, z. B. %2://192.168.17.1:5432.</translation>
    </message>
</context>
<context>
    <name>hlc::prom::PrometheusClient</name>
    <message>
        <source>Prometheus answered with an error (%1): %2</source>
        <translation>Prometheus hat mit einem Fehler geantwortet (%1): %2</translation>
    </message>
</context>
<context>
    <name>hlc::prom::nodequeries</name>
    <message>
        <source>Write each label as name=&quot;value&quot;, separated by commas, e.g. job=&quot;node-exporter&quot;.</source>
        <translation>Jedes Label als name=&quot;wert&quot; schreiben, durch Kommas getrennt, z. B. job=&quot;node-exporter&quot;.</translation>
    </message>
    <message>
        <source>Only exact matches (name=&quot;value&quot;) select a host; &quot;%1&quot; uses another operator.</source>
        <translation>Nur exakte Treffer (name=&quot;wert&quot;) wählen einen Host aus; &quot;%1&quot; verwendet einen anderen Operator.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable label name: use letters, digits and &apos;_&apos;, not starting with a digit or &quot;__&quot;.</source>
        <translation>&quot;%1&quot; ist kein brauchbarer Label-Name: Buchstaben, Ziffern und &apos;_&apos; verwenden, nicht mit einer Ziffer oder &quot;__&quot; beginnend.</translation>
    </message>
    <message>
        <source>The value of label &quot;%1&quot; has no closing quote.</source>
        <translation>Dem Wert des Labels &quot;%1&quot; fehlt das schließende Anführungszeichen.</translation>
    </message>
    <message>
        <source>The value of label &quot;%1&quot; must not be empty.</source>
        <translation>Der Wert des Labels &quot;%1&quot; darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The label &quot;%1&quot; is given twice.</source>
        <translation>Das Label &quot;%1&quot; ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Separate the labels with commas, e.g. job=&quot;a&quot;,env=&quot;b&quot;.</source>
        <translation>Die Labels durch Kommas trennen, z. B. job=&quot;a&quot;,env=&quot;b&quot;.</translation>
    </message>
</context>
<context>
    <name>hlc::prom::parser</name>
    <message>
        <source>Prometheus answered with an error (%1): %2</source>
        <translation>Prometheus hat mit einem Fehler geantwortet (%1): %2</translation>
    </message>
</context>
<context>
    <name>hlc::pve::ProxmoxClient</name>
    <message>
        <source>Proxmox rejected the user name or password (HTTP 401). Check the user (USER@REALM) and its password.</source>
        <translation>Proxmox hat Benutzername oder Passwort abgelehnt (HTTP 401). Prüfen Sie den Benutzer (USER@REALM) und sein Passwort.</translation>
    </message>
    <message>
        <source>second factor</source>
        <translation>zweiter Faktor</translation>
    </message>
    <message>
        <source>Proxmox rejected the login ticket (HTTP 401): it expired or the node restarted. The app logs in again.</source>
        <translation>Proxmox hat das Anmeldeticket abgelehnt (HTTP 401): Es ist abgelaufen oder der Knoten wurde neu gestartet. Die App meldet sich erneut an.</translation>
    </message>
    <message>
        <source>Proxmox rejected the API token (HTTP 401 authentication failure). Check the token ID and secret.</source>
        <translation>Proxmox hat das API-Token abgelehnt (HTTP 401, Authentifizierung fehlgeschlagen). Prüfen Sie Token-ID und Geheimnis.</translation>
    </message>
    <message>
        <source>The Proxmox token lacks the privilege %1 for this action.</source>
        <translation>Dem Proxmox-Token fehlt für diese Aktion das Recht %1.</translation>
    </message>
    <message>
        <source>The Proxmox token is not allowed to do this (HTTP 403).</source>
        <translation>Das Proxmox-Token darf das nicht (HTTP 403).</translation>
    </message>
    <message>
        <source>Proxmox did not accept the code (HTTP 401). Enter the current code from your authenticator app.</source>
        <translation>Proxmox hat den Code nicht akzeptiert (HTTP 401). Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein.</translation>
    </message>
    <message>
        <source>The Proxmox account %1 uses two-factor authentication (%2): the password alone cannot log in. Enter the current code from your authenticator app (Enter code…). The app renews the ticket while it runs; after a pause of more than two hours it asks again. An API token (Datacenter &gt; Permissions &gt; API Tokens, auth &quot;pve-token&quot;) needs no code.</source>
        <translation>Das Proxmox-Konto %1 verwendet Zwei-Faktor-Authentifizierung (%2): Das Passwort allein reicht zur Anmeldung nicht. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein (Code eingeben…). Die App erneuert das Ticket, solange sie läuft; nach einer Pause von mehr als zwei Stunden fragt sie erneut. Ein API-Token (Rechenzentrum &gt; Berechtigungen &gt; API-Token, auth &quot;pve-token&quot;) braucht keinen Code.</translation>
    </message>
    <message>
        <source>The Proxmox account %1 uses two-factor authentication (%2): the password alone cannot log in, and the app answers only TOTP codes. Create an API token for the app in Proxmox (Datacenter &gt; Permissions &gt; API Tokens) and use it instead of the password (auth &quot;pve-token&quot;).</source>
        <translation>Das Proxmox-Konto %1 verwendet Zwei-Faktor-Authentifizierung (%2): Das Passwort allein reicht zur Anmeldung nicht, und die App beantwortet nur TOTP-Codes. Erstellen Sie in Proxmox ein API-Token für die App (Rechenzentrum &gt; Berechtigungen &gt; API-Token) und verwenden Sie es statt des Passworts (auth &quot;pve-token&quot;).</translation>
    </message>
</context>
<context>
    <name>hlc::pve::ProxmoxTicketSession</name>
    <message>
        <source>No password stored for this Proxmox user yet: enter it.</source>
        <translation>Für diesen Proxmox-Benutzer ist noch kein Passwort gespeichert: Geben Sie es ein.</translation>
    </message>
    <message>
        <source>No second-factor login is waiting for a code.</source>
        <translation>Keine Zwei-Faktor-Anmeldung wartet auf einen Code.</translation>
    </message>
</context>
<context>
    <name>hlc::shell</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>The simulated homelab did not start: %1</source>
        <translation>Das simulierte Homelab ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run on the built-in simulated homelab (loopback only; no real homelab needed).</source>
        <translation>Mit dem eingebauten simulierten Homelab starten (nur Loopback; kein echtes Homelab nötig).</translation>
    </message>
    <message>
        <source>Use this configuration file.</source>
        <translation>Diese Konfigurationsdatei verwenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Write a PNG of the main window once the first data has arrived (or of the welcome page on a first start), then exit.</source>
        <translation>Ein PNG des Hauptfensters schreiben, sobald die ersten Daten da sind (beim ersten Start der Willkommensseite), dann beenden.</translation>
    </message>
    <message>
        <source>Give up waiting for data after this many seconds (default 20).</source>
        <translation>Nach so vielen Sekunden nicht mehr auf Daten warten (Standard 20).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Native control center for a Proxmox homelab: live host panels, safe actions, alerts.</source>
        <translation>Native Steuerzentrale für ein Proxmox-Homelab: Live-Hostansichten, sichere Aktionen, Alarme.</translation>
    </message>
    <message>
        <source>With --demo: simulate the oldest server versions the app supports (Proxmox VE 7.4, AdGuard Home v0.105, Home Assistant without subscribe_entities, Alertmanager 0.25).</source>
        <translation>Mit --demo: die ältesten Serverversionen simulieren, die die App unterstützt (Proxmox VE 7.4, AdGuard Home v0.105, Home Assistant ohne subscribe_entities, Alertmanager 0.25).</translation>
    </message>
    <message>
        <source>Start in the tray, as the &quot;Start minimised&quot; setting does (where a tray is available).</source>
        <translation>Im Systembereich starten, wie mit der Einstellung „Minimiert im Systembereich starten“ (wo es einen Systembereich gibt).</translation>
    </message>
</context>
</TS>
