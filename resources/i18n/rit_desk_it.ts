<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>ActionRules</name>
    <message>
        <location filename="../../ui/action_rules.py" line="181"/>
        <source>The request has not been charged.</source>
        <translation>La richiesta non è stata addebitata.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="103"/>
        <source>Select a request first.</source>
        <translation>Seleziona prima una richiesta.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="89"/>
        <source>Loading %1…</source>
        <extracomment>workspace action -&gt; (permission action, lifecycle action or None) actions limited to a technician&apos;s own requests (the owner is the assignee) ... or to requests assigned to nobody yet (as the services&apos; check_own)</extracomment>
        <translation>Caricamento di %1…</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="106"/>
        <source>Not available to your role (%1).</source>
        <translation>Non disponibile per il tuo ruolo (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="114"/>
        <source>Only the assignee (%1) or a team lead may do this.</source>
        <translation>Solo l&apos;assegnatario (%1) o un team leader può farlo.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="116"/>
        <source>Only the assignee or a team lead may do this: take the request first.</source>
        <translation>Solo l&apos;assegnatario o un team leader può farlo: prendi prima in carico la richiesta.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="120"/>
        <source>Not possible while the request is “%1”.</source>
        <translation>Non possibile mentre la richiesta è “%1”.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="134"/>
        <source>Assigned to %1: a team lead can reassign it.</source>
        <translation>Assegnata a %1: un team leader può riassegnarla.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="139"/>
        <source>Select a draft quote in the Quotes tab.</source>
        <translation>Seleziona una bozza di preventivo nella scheda Preventivi.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="142"/>
        <source>Over your sending limit of %1 net: submit it for a team lead&apos;s approval.</source>
        <translation>Oltre il tuo limite di invio di %1 imponibile: invialo in approvazione a un team leader.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="147"/>
        <source>No approval needed: within your sending limit, send it.</source>
        <translation>Nessuna approvazione necessaria: è entro il tuo limite di invio, invialo.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="151"/>
        <source>Select a quote awaiting approval in the Quotes tab.</source>
        <translation>Seleziona un preventivo in approvazione nella scheda Preventivi.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="163"/>
        <source>A draft quote exists already: edit it or delete it.</source>
        <translation>Esiste già una bozza di preventivo: modificala o eliminala.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="166"/>
        <source>A quote awaits a team lead&apos;s approval.</source>
        <translation>Un preventivo attende l&apos;approvazione di un team leader.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="168"/>
        <source>Select a quote in the Quotes tab.</source>
        <translation>Seleziona un preventivo nella scheda Preventivi.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="171"/>
        <source>Select a work entry in the Work tab.</source>
        <translation>Seleziona una registrazione nella scheda Lavoro.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="173"/>
        <source>Only its author (%1) or a team lead may change this entry.</source>
        <translation>Solo il suo autore (%1) o un team leader può modificare questa registrazione.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="177"/>
        <source>A variation is already awaiting the customer.</source>
        <translation>Una variazione è già in attesa del cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="183"/>
        <source>Log at least one work entry first.</source>
        <translation>Registra prima almeno una registrazione di lavoro.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="185"/>
        <source>A variation awaits the customer&apos;s answer: the agreed amount is not known yet.</source>
        <translation>Una variazione attende la risposta del cliente: l&apos;importo concordato non è ancora noto.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="191"/>
        <source>Its validity date is past: return it to draft.</source>
        <translation>La sua data di validità è passata: restituiscilo in bozza.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="193"/>
        <source>Its validity date is past: edit the draft first.</source>
        <translation>La sua data di validità è passata: modifica prima la bozza.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="159"/>
        <source>Over your sending limit of %1 net: a team lead must send it.</source>
        <translation>Oltre il tuo limite di invio di %1 imponibile: deve inviarlo un team leader.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="155"/>
        <source>Select a sent quote awaiting the customer in the Quotes tab.</source>
        <translation>Seleziona nella scheda Preventivi un preventivo inviato in attesa del cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/action_rules.py" line="179"/>
        <source>No variation is awaiting the customer.</source>
        <translation>Nessuna variazione è in attesa del cliente.</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <location filename="../../ui/attachment_files.py" line="26"/>
        <source>Add note</source>
        <translation>Aggiungi nota</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="27"/>
        <source>Internal note (never shown to the customer):</source>
        <translation>Nota interna (mai mostrata al cliente):</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="33"/>
        <source>Attach file</source>
        <translation>Allega file</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="34"/>
        <source>PDF, images, text and logs (*.pdf *.png *.jpg *.jpeg *.txt *.log);;All files (*)</source>
        <translation>PDF, immagini, testi e log (*.pdf *.png *.jpg *.jpeg *.txt *.log);;Tutti i file (*)</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="40"/>
        <source>Save attachment</source>
        <translation>Salva allegato</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="59"/>
        <source>Cannot read %1: %2</source>
        <translation>Impossibile leggere %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="64"/>
        <source>No application opens %1: save it instead.</source>
        <translation>Nessuna applicazione apre %1: salvalo invece.</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="69"/>
        <source>Saved %1.</source>
        <translation>Salvato %1.</translation>
    </message>
    <message>
        <location filename="../../ui/attachment_files.py" line="90"/>
        <source>Cannot write %1: %2</source>
        <translation>Impossibile scrivere %1: %2</translation>
    </message>
</context>
<context>
    <name>AttachmentsTab</name>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="66"/>
        <source>Added</source>
        <translation>Aggiunto</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="66"/>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="65"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="65"/>
        <source>Size</source>
        <translation>Dimensione</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="65"/>
        <source>File</source>
        <extracomment>what each accepted kind is called on screen</extracomment>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="67"/>
        <source>&amp;Open</source>
        <translation>Apr&amp;i</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="68"/>
        <source>Save…</source>
        <translation>Salva…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="70"/>
        <source>Attach file…</source>
        <translation>Allega file…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="70"/>
        <source>Add note…</source>
        <translation>Aggiungi nota…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="81"/>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/attachments.py" line="107"/>
        <source>Select a file in the list.</source>
        <translation>Seleziona un file nell&apos;elenco.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/banner.py" line="30"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ui/confirm.py" line="28"/>
        <source>Send quote %1 to %2?
%3, total %4, valid until %5.
A sent quote cannot be changed.</source>
        <translation>Inviare il preventivo %1 a %2?
%3, totale %4, valido fino al %5.
Un preventivo inviato non può più essere modificato.</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="30"/>
        <source>Send quote</source>
        <translation>Invia il preventivo</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="38"/>
        <source>Submit quote %1 (total %2) for approval?
It is above your sending limit of %3 net: a team lead approves and sends it, or returns it to you with a reason. Until then it cannot be changed.</source>
        <translation>Inviare in approvazione il preventivo %1 (totale %2)?
Supera il tuo limite di invio di %3 imponibile: un team leader lo approva e lo invia, oppure te lo restituisce con un motivo. Fino ad allora non può essere modificato.</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="42"/>
        <source>Submit for approval</source>
        <translation>Invia in approvazione</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="48"/>
        <source>Delete draft</source>
        <translation>Elimina la bozza</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="48"/>
        <source>Delete the draft quote %1?</source>
        <translation>Eliminare la bozza del preventivo %1?</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="53"/>
        <source>Delete work entry</source>
        <translation>Elimina la registrazione di lavoro</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="53"/>
        <source>Delete the %1 logged on %2 on %3?</source>
        <translation>Eliminare le %1 ore registrate il %2 su %3?</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="62"/>
        <source>%1 is over its agreed ceiling of %2: %3 hours (%4) will not be charged.</source>
        <translation>%1 ha superato il tetto concordato di %2: %3 ore (%4) non saranno addebitate.</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="66"/>
        <source>Propose a variation of the agreed amount to the customer now?</source>
        <translation>Proporre ora al cliente una variazione dell&apos;importo concordato?</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="68"/>
        <source>Over the agreed ceiling</source>
        <translation>Tetto concordato superato</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="73"/>
        <source>Record top-up</source>
        <translation>Registrare la ricarica</translation>
    </message>
    <message>
        <location filename="../../ui/confirm.py" line="73"/>
        <source>Record a top-up of %1 for %2?
The credit goes from %3 to %4.</source>
        <translation>Registrare una ricarica di %1 per %2?
Il credito passa da %3 a %4.</translation>
    </message>
</context>
<context>
    <name>ConnectionLabel</name>
    <message>
        <location filename="../../ui/connection_state.py" line="115"/>
        <source>Disconnected: the database does not answer; retrying…</source>
        <extracomment>how often an unreachable database is asked again how long &quot;reconnected&quot; stays in the status bar</extracomment>
        <translation>Disconnesso: il database non risponde; nuovo tentativo in corso…</translation>
    </message>
    <message>
        <location filename="../../ui/connection_state.py" line="122"/>
        <source>Reconnected</source>
        <translation>Riconnesso</translation>
    </message>
</context>
<context>
    <name>CustomersPanel</name>
    <message>
        <location filename="../../ui/customers_panel.py" line="123"/>
        <source>Statement…</source>
        <translation>Estratto conto…</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="75"/>
        <source>Filter by name or code</source>
        <translation>Filtra per nome o codice</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="86"/>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="86"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="86"/>
        <location filename="../../ui/customers_panel.py" line="113"/>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="86"/>
        <source>Missing</source>
        <translation>Mancante</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="87"/>
        <source>Account</source>
        <translation>Conto</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="112"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="112"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="112"/>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="113"/>
        <source>Reference / reason</source>
        <translation>Riferimento / motivo</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="114"/>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="119"/>
        <source>Top-up…</source>
        <translation>Ricarica…</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="121"/>
        <source>Credit adjustment…</source>
        <translation>Rettifica del credito…</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="136"/>
        <source>Not available to your role (%1).</source>
        <translation>Non disponibile per il tuo ruolo (%1).</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="185"/>
        <source>Accounts in credit exhaustion</source>
        <translation>Conti in esaurimento del credito</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="186"/>
        <source>All customers</source>
        <translation>Tutti i clienti</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="223"/>
        <source>No account is in credit exhaustion.</source>
        <translation>Nessun conto è in esaurimento del credito.</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="224"/>
        <source>No customers.</source>
        <translation>Nessun cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="260"/>
        <source>Balance: %1 · account %2</source>
        <translation>Saldo: %1 · conto %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="265"/>
        <source>Missing: %1 — a top-up of at least this amount restarts the services.</source>
        <translation>Mancano %1: una ricarica di almeno questo importo riattiva i servizi.</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="308"/>
        <source>Invoices wait for: %1 (Fiscal data…)</source>
        <translation>Le fatture attendono: %1 (Dati fiscali…)</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="347"/>
        <source>This dialog is not available in this build.</source>
        <translation>Questa finestra non è disponibile in questa versione.</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="125"/>
        <source>Fiscal data…</source>
        <translation>Dati fiscali…</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="292"/>
        <source>VAT no. %1</source>
        <translation>P. IVA %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="294"/>
        <source>Tax code %1</source>
        <translation>C.F. %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="298"/>
        <source>Recipient code %1</source>
        <translation>Codice destinatario %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="300"/>
        <source>PEC %1</source>
        <translation>PEC %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="127"/>
        <source>Email address…</source>
        <translation>Indirizzo email…</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="268"/>
        <source>Email: %1</source>
        <translation>Email: %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="269"/>
        <source>none (notices are not mailed)</source>
        <translation>nessuna (gli avvisi non sono inviati per email)</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="370"/>
        <source>Email address of %1</source>
        <translation>Indirizzo email di %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="371"/>
        <source>Where this customer&apos;s notices are mailed (empty: nowhere):</source>
        <translation>Dove inviare gli avvisi a questo cliente (vuoto: da nessuna parte):</translation>
    </message>
    <message>
        <location filename="../../ui/customers_panel.py" line="387"/>
        <source>Email address of %1 saved.</source>
        <translation>Indirizzo email di %1 salvato.</translation>
    </message>
</context>
<context>
    <name>Details</name>
    <message>
        <location filename="../../ui/details_format.py" line="23"/>
        <source>net</source>
        <translation>imponibile</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="24"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="25"/>
        <source>total</source>
        <translation>totale</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="26"/>
        <source>amount</source>
        <translation>importo</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="27"/>
        <source>balance</source>
        <translation>saldo</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="28"/>
        <source>missing</source>
        <translation>mancante</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="29"/>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="30"/>
        <source>state</source>
        <translation>stato</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="31"/>
        <location filename="../../ui/details_format.py" line="32"/>
        <location filename="../../ui/details_format.py" line="33"/>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="34"/>
        <source>reference</source>
        <translation>riferimento</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="35"/>
        <source>valid until</source>
        <translation>valido fino al</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="38"/>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="39"/>
        <source>duration</source>
        <translation>durata</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="40"/>
        <source>billable</source>
        <translation>fatturabile</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="41"/>
        <source>capped at the agreed amount</source>
        <translation>limitato all&apos;importo concordato</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="42"/>
        <source>category</source>
        <translation>categoria</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="43"/>
        <source>subject</source>
        <translation>oggetto</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="44"/>
        <source>service</source>
        <translation>servizio</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="45"/>
        <source>services</source>
        <translation>servizi</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="46"/>
        <location filename="../../ui/details_format.py" line="52"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="47"/>
        <source>role</source>
        <translation>ruolo</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="48"/>
        <source>user</source>
        <translation>utente</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="49"/>
        <source>revision</source>
        <translation>revisione</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="50"/>
        <source>setting</source>
        <translation>impostazione</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="51"/>
        <source>send limit</source>
        <translation>limite di invio</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="102"/>
        <source>unassigned</source>
        <translation>non assegnata</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="53"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="54"/>
        <source>size</source>
        <translation>dimensione</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="36"/>
        <source>previously valid until</source>
        <translation>prima valido fino al</translation>
    </message>
    <message>
        <location filename="../../ui/details_format.py" line="37"/>
        <source>in place of</source>
        <translation>al posto di</translation>
    </message>
</context>
<context>
    <name>Feedback</name>
    <message>
        <location filename="../../ui/feedback.py" line="268"/>
        <source>%1: refunded %2 to %3; credit %4.</source>
        <translation>%1: stornati %2 a %3; credito %4.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="266"/>
        <source>Charge document shown.</source>
        <translation>Documento di addebito mostrato.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/feedback.py" line="42"/>
        <source>%n service(s) suspended</source>
        <translation>
            <numerusform>%n servizio sospeso</numerusform>
            <numerusform>%n servizi sospesi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/feedback.py" line="48"/>
        <source>%n service(s) restarted</source>
        <translation>
            <numerusform>%n servizio riattivato</numerusform>
            <numerusform>%n servizi riattivati</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="85"/>
        <source>You took %1: it is now “%2”.</source>
        <translation>Hai preso in carico %1: ora è «%2».</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="91"/>
        <source>%1 is now unassigned.</source>
        <translation>%1 ora non è assegnata a nessuno.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="93"/>
        <source>%1 assigned to %2.</source>
        <translation>%1 assegnata a %2.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="98"/>
        <source>%1 declined: the customer is told the reason.</source>
        <translation>%1 dichiarata non fattibile: il motivo viene comunicato al cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="126"/>
        <source>Quote saved.</source>
        <translation>Preventivo salvato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="130"/>
        <source>Quote %1 (total %2) submitted for approval: a team lead approves and sends it, or returns it to you.</source>
        <translation>Preventivo %1 (totale %2) inviato in approvazione: un team leader lo approva e lo invia, oppure te lo restituisce.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="134"/>
        <source>Quote %1 returned to draft: %2 reads why on the request.</source>
        <translation>Preventivo %1 restituito in bozza: %2 ne legge il motivo sulla richiesta.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="138"/>
        <source>Draft quote %1 saved: total %2.</source>
        <translation>Bozza del preventivo %1 salvata: totale %2.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="140"/>
        <source>Quote %1 sent to the customer: total %2, valid until %3.</source>
        <translation>Preventivo %1 inviato al cliente: totale %2, valido fino al %3.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="148"/>
        <source>Draft quote deleted.</source>
        <translation>Bozza di preventivo eliminata.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="149"/>
        <source>Draft quote %1 deleted.</source>
        <translation>Bozza del preventivo %1 eliminata.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="162"/>
        <source>Work logged.</source>
        <translation>Lavoro registrato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="164"/>
        <source>Logged %1 on %2 for %3 (billable %4).</source>
        <translation>Registrate %1 ore del %2 su %3 (fatturabili %4).</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="167"/>
        <source>The work has started: %1 is now in progress.</source>
        <translation>Il lavoro è iniziato: %1 ora è in corso.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="175"/>
        <source>Work entry changed.</source>
        <translation>Registrazione di lavoro modificata.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="177"/>
        <source>Work entry of %1 on %2 changed: %3.</source>
        <translation>Registrazione di lavoro del %1 su %2 modificata: %3.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="184"/>
        <source>Work entry deleted.</source>
        <translation>Registrazione di lavoro eliminata.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="186"/>
        <source>Work entry of %1 on %2 deleted (%3).</source>
        <translation>Registrazione di lavoro del %1 su %2 eliminata (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="193"/>
        <source>Variation proposed.</source>
        <translation>Variazione proposta.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="194"/>
        <source>Variation of %1 proposed: new agreed amount %2 net, awaiting the customer&apos;s agreement.</source>
        <translation>Variazione di %1 proposta: nuovo importo concordato %2 di imponibile, in attesa dell&apos;accordo del cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="213"/>
        <source>Completed and charged.</source>
        <translation>Completata e addebitata.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="214"/>
        <source>%1 completed: charged %2; credit %3</source>
        <translation>%1 completata: addebitati %2; credito %3</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="223"/>
        <source>credit exhausted, %1 missing</source>
        <translation>credito esaurito, mancano %1</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="234"/>
        <source>Credit updated.</source>
        <translation>Credito aggiornato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="237"/>
        <source>Top-up of %1 recorded for %2: credit %3.</source>
        <translation>Ricarica di %1 registrata per %2: credito %3.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="239"/>
        <source>Credit of %2 reduced by %1: credit %3.</source>
        <translation>Credito di %2 ridotto di %1: credito %3.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="241"/>
        <source>Credit of %2 increased by %1: credit %3.</source>
        <translation>Credito di %2 aumentato di %1: credito %3.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="246"/>
        <location filename="../../ui/feedback.py" line="273"/>
        <source>Credit exhaustion is over:</source>
        <translation>L&apos;esaurimento del credito è finito:</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="250"/>
        <source>Credit exhausted:</source>
        <translation>Credito esaurito:</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="254"/>
        <source>Still %1 missing: the services stay suspended.</source>
        <translation>Mancano ancora %1: i servizi restano sospesi.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="279"/>
        <source>Priority of %1 set to “%2”.</source>
        <translation>Priorità di %1 impostata a «%2».</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="284"/>
        <source>Note added to %1.</source>
        <translation>Nota aggiunta a %1.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="290"/>
        <source>File attached.</source>
        <translation>File allegato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="291"/>
        <source>%1 attached to %2 (%3).</source>
        <translation>%1 allegato a %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="302"/>
        <source>Timer started on %1: stop it to log the time.</source>
        <translation>Cronometro avviato su %1: fermalo per registrare il tempo.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="105"/>
        <source>Quote extended.</source>
        <translation>Preventivo prorogato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="106"/>
        <source>Quote %1 sent in place of the earlier revision, valid until %2: the customer is told.</source>
        <translation>Preventivo %1 inviato al posto della revisione precedente, valido fino al %2: il cliente ne è informato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="118"/>
        <source>%1 cancelled, nothing charged: the customer is told the reason.</source>
        <translation>%1 annullata, nulla addebitato: al cliente viene comunicato il motivo.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="203"/>
        <source>Variation withdrawn.</source>
        <translation>Variazione ritirata.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="204"/>
        <source>Variation of %1 (%2 net) withdrawn: the agreed amount stays as it was; the customer is told.</source>
        <translation>Variazione di %1 (%2 imponibile) ritirata: l&apos;importo concordato resta quello di prima; il cliente ne è informato.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="296"/>
        <source>The email of %1 will be sent again at the worker&apos;s next round.</source>
        <translation>L&apos;email di %1 sarà inviata di nuovo al prossimo giro del worker.</translation>
    </message>
    <message>
        <location filename="../../ui/feedback.py" line="116"/>
        <source>%1 cancelled: the work done charged %2; credit %3</source>
        <translation>%1 annullata: addebitato il lavoro svolto, %2; credito %3</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="72"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="72"/>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="72"/>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="73"/>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_menus.py" line="58"/>
        <source>&amp;Charges report…</source>
        <translation>&amp;Report addebiti…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>%1 (%2)</source>
        <extracomment>the request acted on that left the queue, until the workspace says where it went whether closing the window saves its layout (off for screenshots and tests)</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="257"/>
        <source>Central database</source>
        <extracomment>the queue whose first page is read while the rest of the window is built what changed in the database: polled, or announced by it (PostgreSQL) the embedded file&apos;s deadlines, kept while the app is open (issue 18)</extracomment>
        <translation>Database centrale</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="33"/>
        <source>&amp;File</source>
        <extracomment>the Request menu: the workspace&apos;s actions, in groups between separators</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="54"/>
        <source>&amp;Switch user or database…</source>
        <translation>&amp;Cambia utente o database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="56"/>
        <source>&amp;Export quote PDFs…</source>
        <translation>&amp;Esporta PDF dei preventivi…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="62"/>
        <source>&amp;Invoices…</source>
        <translation>&amp;Fatture…</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="69"/>
        <source>&amp;Quit</source>
        <translation>Es&amp;ci</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="33"/>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="74"/>
        <source>&amp;Find requests</source>
        <translation>&amp;Cerca richieste</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="76"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aggiorna</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="78"/>
        <source>Go to the &amp;table</source>
        <translation>Vai alla &amp;tabella</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="81"/>
        <source>&amp;Queues</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="34"/>
        <source>&amp;Request</source>
        <translation>&amp;Richiesta</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="34"/>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="35"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="111"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Scorciatoie da tastiera</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="113"/>
        <source>&amp;About RIT Desk</source>
        <translation>&amp;Informazioni su RIT Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="392"/>
        <source>Updated %1</source>
        <translation>Aggiornato alle %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="457"/>
        <source>This dialog is not available in this build.</source>
        <translation>Questa finestra non è disponibile in questa versione.</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="132"/>
        <source>Queues</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="133"/>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="137"/>
        <source>About RIT Desk</source>
        <translation>Informazioni su RIT Desk</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="138"/>
        <source>RIT Desk: technical intervention requests, quotes, work and charges.</source>
        <translation>RIT Desk: richieste di interventi tecnici, preventivi, lavoro e addebiti.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>%1 moved to “%2”: it is no longer in this queue.</source>
        <translation>%1 è passata in «%2»: non è più in questa coda.</translation>
    </message>
    <message>
        <location filename="../../ui/main_menus.py" line="66"/>
        <source>&amp;Price list…</source>
        <translation>&amp;Listino…</translation>
    </message>
</context>
<context>
    <name>NoticesTree</name>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="112"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="112"/>
        <source>Notice</source>
        <translation>Avviso</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="113"/>
        <source>Details</source>
        <translation>Dettagli</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="112"/>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="114"/>
        <source>Retry email</source>
        <translation>Reinvia email</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="125"/>
        <source>Sent %1</source>
        <translation>Inviato %1</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="148"/>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tabs/timeline.py" line="150"/>
        <source>Not delivered (%n attempt(s))</source>
        <translation>
            <numerusform>Non consegnato (%n tentativo)</numerusform>
            <numerusform>Non consegnato (%n tentativi)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tabs/timeline.py" line="152"/>
        <source>Waiting (%n attempt(s))</source>
        <translation>
            <numerusform>In attesa (%n tentativo)</numerusform>
            <numerusform>In attesa (%n tentativi)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="153"/>
        <source>Waiting</source>
        <translation>In attesa</translation>
    </message>
</context>
<context>
    <name>PriceListWindow</name>
    <message>
        <location filename="../../ui/price_list.py" line="56"/>
        <source>Price list</source>
        <translation>Listino</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="59"/>
        <source>Code or description</source>
        <translation>Codice o descrizione</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="61"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="65"/>
        <source>Every category</source>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="68"/>
        <source>Cate&amp;gory:</source>
        <translation>Cate&amp;goria:</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="70"/>
        <source>Show &amp;retired</source>
        <translation>Mostra &amp;ritirati</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="75"/>
        <source>Code</source>
        <translation>Codice</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="75"/>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="75"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="76"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="76"/>
        <source>List price</source>
        <translation>Prezzo di listino</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="76"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="87"/>
        <source>Only team leads and admins change the price list.</source>
        <translation>Solo i team leader e gli amministratori modificano il listino.</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="88"/>
        <source>&amp;Add…</source>
        <translation>&amp;Aggiungi…</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="90"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="92"/>
        <source>Re&amp;tire…</source>
        <translation>Ri&amp;tira…</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="100"/>
        <source>&amp;Close</source>
        <translation>Chi&amp;udi</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="114"/>
        <source>Read only: %1</source>
        <translation>Sola lettura: %1</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="160"/>
        <source>any</source>
        <translation>tutte</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="161"/>
        <source>per hour</source>
        <translation>all&apos;ora</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="161"/>
        <source>fixed</source>
        <translation>a corpo</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="163"/>
        <source>active</source>
        <translation>attivo</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="163"/>
        <source>retired</source>
        <translation>ritirato</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="177"/>
        <source>No item matches: try other words, every category or the retired items.</source>
        <translation>Nessuna voce corrisponde: prova altre parole, tutte le categorie o le voci ritirate.</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="221"/>
        <source>Retire %1</source>
        <translation>Ritira %1</translation>
    </message>
    <message>
        <location filename="../../ui/price_list.py" line="222"/>
        <source>%1 (%2) is no longer offered on new quotes; the quotes that used it keep it. Retire it?</source>
        <translation>%1 (%2) non sarà più proposto nei nuovi preventivi; i preventivi che lo usano lo mantengono. Ritirarlo?</translation>
    </message>
</context>
<context>
    <name>QueueHeader</name>
    <message>
        <location filename="../../ui/queue_header.py" line="256"/>
        <source>Move “%1” left</source>
        <extracomment>width (pixels) of the columns that keep theirs the columns that give way, and their share of the room left hidden until the user shows them (the category is in the filter above the table) the characters the customer and subject show before the fixed columns stop giving way (at 70 pixels, &apos;Vetreria ...&apos; and &apos;Patch di ...&apos; said nothing): &apos;Officine Meccanich&apos; how far the fixed columns give way, as a share of their width, when the table is too narrow for them and the elastic ones at their least (three panes on 1366 pixels) the widths the fixed columns have when there is room (default or the user&apos;s) what the fixed columns never give way below (a priority is read whole)</extracomment>
        <translation>Sposta «%1» a sinistra</translation>
    </message>
    <message>
        <location filename="../../ui/queue_header.py" line="260"/>
        <source>Move “%1” right</source>
        <translation>Sposta «%1» a destra</translation>
    </message>
    <message>
        <location filename="../../ui/queue_header.py" line="273"/>
        <source>Reset the columns</source>
        <translation>Ripristina le colonne</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="59"/>
        <source>Dashboard</source>
        <translation>Cruscotto</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="61"/>
        <source>Customers at risk</source>
        <translation>Clienti a rischio</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="85"/>
        <source>The department at a glance</source>
        <translation>Il reparto a colpo d&apos;occhio</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="86"/>
        <source>Customers whose credit does not cover their accepted work</source>
        <translation>Clienti il cui credito non copre il lavoro accettato</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="49"/>
        <source>My requests</source>
        <extracomment>the special queue that lists customers, not requests the team lead&apos;s dashboard and finance&apos;s customers at risk (ui.finance.pages) the team lead&apos;s queues (app.services.attention), shown first to leads</extracomment>
        <translation>Le mie richieste</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="50"/>
        <source>Quotes returned to me</source>
        <translation>Preventivi restituiti</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="51"/>
        <source>New</source>
        <translation>Nuove</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="52"/>
        <source>Evaluating</source>
        <translation>In valutazione</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="53"/>
        <source>Awaiting customer</source>
        <translation>In attesa del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="54"/>
        <source>Accepted</source>
        <translation>Accettate</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="55"/>
        <source>In progress</source>
        <translation>In lavorazione</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="56"/>
        <source>Completed</source>
        <translation>Completate</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="57"/>
        <source>Closed</source>
        <translation>Chiuse</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="58"/>
        <source>All requests</source>
        <translation>Tutte le richieste</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="60"/>
        <source>Accounts in credit exhaustion</source>
        <translation>Conti in esaurimento del credito</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="62"/>
        <source>All customers</source>
        <translation>Tutti i clienti</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="63"/>
        <source>Quotes to approve</source>
        <translation>Preventivi da approvare</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="65"/>
        <source>Drafts to send</source>
        <translation>Bozze da inviare</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="66"/>
        <source>Quotes expiring</source>
        <translation>Preventivi in scadenza</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="67"/>
        <source>Variations waiting</source>
        <translation>Variazioni in attesa</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="68"/>
        <source>Unassigned new requests</source>
        <translation>Nuove richieste non assegnate</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="69"/>
        <source>Work near its ceiling</source>
        <translation>Lavori vicini al tetto</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="76"/>
        <source>Open requests assigned to you</source>
        <translation>Richieste aperte assegnate a te</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="77"/>
        <source>Your quotes a team lead returned to draft: read why in the Quotes tab, change them and submit them again</source>
        <translation>I tuoi preventivi che un team leader ha restituito in bozza: leggi il motivo nella scheda Preventivi, modificali e inviali di nuovo in approvazione</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="80"/>
        <source>A quote was sent: waiting for the customer&apos;s answer</source>
        <translation>Preventivo inviato: in attesa della risposta del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="82"/>
        <source>Declined, rejected, expired or cancelled</source>
        <translation>Non fattibili, rifiutate, scadute o annullate</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="83"/>
        <source>Customers whose credit does not cover their charges</source>
        <translation>Clienti il cui credito non copre gli addebiti</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="95"/>
        <source>Quotes submitted by technicians above their limit of %1 net: approve and send them, or return them with a reason</source>
        <translation>Preventivi inviati in approvazione dai tecnici oltre il loro limite di %1 di imponibile: approvali e inviali, o restituiscili con un motivo</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="98"/>
        <source>Draft quotes above the technicians&apos; limit of %1 net: a team lead sends them</source>
        <translation>Bozze di preventivo oltre il limite dei tecnici di %1 di imponibile: le invia un team leader</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="101"/>
        <source>Quotes awaiting the customer that expire within %1 days</source>
        <translation>Preventivi in attesa del cliente che scadono entro %1 giorni</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="103"/>
        <source>Variations awaiting the customer&apos;s agreement for more than %1 days</source>
        <translation>Variazioni in attesa dell&apos;accordo del cliente da più di %1 giorni</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="105"/>
        <source>New requests nobody took for more than %1 working hours (Monday to Friday, 9 to 18)</source>
        <translation>Nuove richieste che nessuno ha preso in carico da più di %1 ore lavorative (da lunedì a venerdì, dalle 9 alle 18)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="108"/>
        <source>Hourly work in progress at %1 % of its agreed ceiling or more</source>
        <translation>Lavori a consumo orario in corso ad almeno il %1 % del tetto concordato</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="136"/>
        <location filename="../../ui/queue_panel.py" line="142"/>
        <source>Queues</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="64"/>
        <source>Notices not delivered</source>
        <translation>Avvisi non consegnati</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="110"/>
        <source>Requests with a notice whose email failed after every retry: retry it from the Notices tab (right click)</source>
        <translation>Richieste con un avviso la cui email non è partita dopo tutti i tentativi: reinviala dalla scheda Avvisi (clic destro)</translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="89"/>
        <source>Rev.</source>
        <extracomment>quote states shown greyed out (no longer in force)</extracomment>
        <translation>Rev.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="89"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="89"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="90"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="90"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="90"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="91"/>
        <source>Valid until</source>
        <translation>Valido fino al</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="91"/>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="92"/>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="92"/>
        <source>Send…</source>
        <translation>Invia…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="92"/>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="93"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="93"/>
        <source>Submit for approval…</source>
        <translation>Invia in approvazione…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="94"/>
        <source>Approve and send…</source>
        <translation>Approva e invia…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="94"/>
        <source>Return to draft…</source>
        <translation>Restituisci in bozza…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="133"/>
        <source>No quote yet.</source>
        <translation>Nessun preventivo per ora.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="148"/>
        <source>Hourly rate %1 × %2 estimated hours: indicative %3 net</source>
        <translation>Tariffa oraria %1 × %2 ore stimate: %3 imponibile indicativo</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="156"/>
        <source>VAT %1: %2 · total &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>IVA %1: %2 · totale &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="168"/>
        <source>Awaiting a team lead&apos;s approval: submitted by %1 on %2.</source>
        <translation>In attesa dell&apos;approvazione di un team leader: inviato da %1 il %2.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="173"/>
        <source>Returned by %1 on %2: %3</source>
        <translation>Restituito da %1 il %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/quotes.py" line="93"/>
        <source>Extend…</source>
        <translation>Proroga…</translation>
    </message>
</context>
<context>
    <name>ReadSource</name>
    <message>
        <location filename="../../ui/read_source.py" line="40"/>
        <source>up to date</source>
        <translation>aggiornato</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="42"/>
        <source>%1 s behind</source>
        <translation>%1 s di ritardo</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="45"/>
        <source>behind, how long unknown</source>
        <translation>in ritardo, di quanto non si sa</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="52"/>
        <source>no standby is configured</source>
        <translation>nessuno standby configurato</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="53"/>
        <source>the standby cannot be reached</source>
        <translation>lo standby non è raggiungibile</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="54"/>
        <source>the standby server is not a standby</source>
        <translation>il server indicato come standby non è uno standby</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="55"/>
        <source>the standby is more than %1 s behind</source>
        <translation>lo standby è in ritardo di più di %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="58"/>
        <source>the standby went away during the read</source>
        <translation>lo standby si è disconnesso durante la lettura</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="67"/>
        <source>Read from the standby (%1)</source>
        <translation>Letto dallo standby (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="68"/>
        <source>Read from the primary: %1</source>
        <translation>Letto dal primario: %1</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="110"/>
        <source>Standby: measuring…</source>
        <translation>Standby: misurazione…</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="127"/>
        <source>Standby: %1</source>
        <translation>Standby: %1</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="129"/>
        <source>Reports from the primary: %1</source>
        <translation>Report dal primario: %1</translation>
    </message>
    <message>
        <location filename="../../ui/read_source.py" line="136"/>
        <source>Standby: not measured</source>
        <translation>Standby: non misurato</translation>
    </message>
</context>
<context>
    <name>RequestHeader</name>
    <message>
        <location filename="../../ui/request_header.py" line="137"/>
        <source>Change…</source>
        <translation>Cambia…</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="141"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="141"/>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="142"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="142"/>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="143"/>
        <source>Assignee</source>
        <translation>Assegnatario</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="143"/>
        <source>Opened</source>
        <translation>Aperta</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="144"/>
        <source>Credit</source>
        <translation>Credito</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="144"/>
        <source>Agreed</source>
        <translation>Concordato</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="171"/>
        <source>Unassigned</source>
        <translation>Non assegnata</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="180"/>
        <source>Credit exhausted: %1 missing. The customer&apos;s services are switched off, archived and deleted in stages; a top-up covering it restarts those not yet deleted.</source>
        <translation>Credito esaurito: mancano %1. I servizi del cliente vengono spenti, archiviati e cancellati per gradi; una ricarica che copre l&apos;importo riattiva quelli non ancora cancellati.</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="186"/>
        <source>Declined: %1</source>
        <translation>Non fattibile: %1</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="191"/>
        <source>(no description)</source>
        <translation>(nessuna descrizione)</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="202"/>
        <source>charged %1 on %2</source>
        <translation>addebitati %1 il %2</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="209"/>
        <source>quote %1 sent, awaiting the customer</source>
        <translation>preventivo di %1 inviato, in attesa del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="214"/>
        <source>%1 net (%2)</source>
        <translation>%1 imponibile (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/request_header.py" line="196"/>
        <source>charged %1 on %2, %3 refunded: %4 still charged</source>
        <translation>addebitati %1 il %2, stornati %3: restano addebitati %4</translation>
    </message>
</context>
<context>
    <name>RequestTable</name>
    <message>
        <location filename="../../ui/request_table.py" line="77"/>
        <source>Number, customer or subject</source>
        <extracomment>the filter combos&apos; least width in characters (they widen with the table): with the search, the table&apos;s filters fit beside the workspace on a 1366-pixel screen the next query&apos;s first row is selected (a dashboard bar&apos;s drill-down) the request an action was just done on (it stays in front if it leaves)</extracomment>
        <translation>Numero, cliente o oggetto</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="78"/>
        <source>Search number, customer or subject (Ctrl+F)</source>
        <translation>Cerca numero, cliente o oggetto (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="80"/>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="92"/>
        <source>All categories</source>
        <extracomment>the search the table shows (the box may hold one refused since)</extracomment>
        <translation>Tutte le categorie</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="97"/>
        <source>All priorities</source>
        <translation>Tutte le priorità</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="102"/>
        <source>Anyone</source>
        <translation>Chiunque</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="103"/>
        <source>Unassigned</source>
        <translation>Non assegnate</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="107"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="108"/>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="109"/>
        <source>Assignee</source>
        <translation>Assegnatario</translation>
    </message>
    <message>
        <location filename="../../ui/request_table.py" line="130"/>
        <source>Requests</source>
        <translation>Richieste</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_table.py" line="366"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n richiesta</numerusform>
            <numerusform>%n richieste</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../ui/request_cells.py" line="76"/>
        <source>No.</source>
        <extracomment>the roles a formatted row answers (any other role is None without a lookup) one formatted row: role -&gt; one value per column (a role absent is None everywhere) TextAlignmentRole of each column (cells and headers) an age is told in days below this, then in months (&quot;4 mesi&quot;), then in years: it fits its column whole (the exact moment is in its tooltip) days of validity left at which the column turns amber</extracomment>
        <translation>N.</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="77"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="78"/>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="79"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="80"/>
        <source>Subject</source>
        <translation>Oggetto</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="81"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="82"/>
        <source>Priority</source>
        <translation>Priorità</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="83"/>
        <source>Assignee</source>
        <translation>Assegnatario</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="84"/>
        <source>Age</source>
        <translation>Età</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="86"/>
        <source>Validity</source>
        <translation>Validità</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="117"/>
        <source>expired %n day(s) ago</source>
        <translation>
            <numerusform>scaduto da %n giorno</numerusform>
            <numerusform>scaduto da %n giorni</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="119"/>
        <source>expires today</source>
        <translation>scade oggi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="120"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n giorno rimasto</numerusform>
            <numerusform>%n giorni rimasti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="129"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="132"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="135"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n g</numerusform>
            <numerusform>%n g</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="255"/>
        <source>Unassigned</source>
        <translation>Non assegnata</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="85"/>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="92"/>
        <source>Amount: the quote&apos;s total (VAT included); for a completed request what was charged, less any refund</source>
        <translation>Importo: il totale del preventivo (IVA inclusa); per una richiesta completata quanto è stato addebitato, dedotti gli storni</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="260"/>
        <source>Charged: %1</source>
        <translation>Addebitato: %1</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="264"/>
        <source>%1 charged, %2 refunded</source>
        <translation>%1 addebitati, %2 stornati</translation>
    </message>
    <message>
        <location filename="../../ui/request_cells.py" line="269"/>
        <source>Quote total: %1</source>
        <translation>Totale del preventivo: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="138"/>
        <source>%n mo</source>
        <translation>
            <numerusform>%n mese</numerusform>
            <numerusform>%n mesi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/request_cells.py" line="140"/>
        <source>%n yr</source>
        <translation>
            <numerusform>%n anno</numerusform>
            <numerusform>%n anni</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceStates</name>
    <message>
        <location filename="../../ui/service_states.py" line="25"/>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="26"/>
        <source>Switched off</source>
        <translation>Spento</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="27"/>
        <source>Archived</source>
        <translation>Archiviato</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="28"/>
        <source>Deleted</source>
        <translation>Cancellato</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="34"/>
        <source>Monthly, paid until %1</source>
        <translation>Mensile, pagato fino al %1</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="37"/>
        <source>Monthly</source>
        <translation>Mensile</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="38"/>
        <source>Hourly</source>
        <translation>A consumo orario</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="47"/>
        <source>Switched off on %1</source>
        <translation>Spento il %1</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="48"/>
        <source>Archived on %1</source>
        <translation>Archiviato il %1</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="49"/>
        <source>Deleted on %1</source>
        <translation>Cancellato il %1</translation>
    </message>
</context>
<context>
    <name>ServicesTable</name>
    <message>
        <location filename="../../ui/service_states.py" line="73"/>
        <source>Service</source>
        <translation>Servizio</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="73"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="73"/>
        <source>Billing</source>
        <translation>Fatturazione</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="74"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../ui/service_states.py" line="74"/>
        <source>Next step</source>
        <translation>Prossimo passo</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../ui/start_errors.py" line="22"/>
        <source>The server asks for a password: type it and sign in again.</source>
        <translation>Il server chiede una password: scrivila e accedi di nuovo.</translation>
    </message>
    <message>
        <location filename="../../ui/start_errors.py" line="25"/>
        <source>The server refused the user name or password.</source>
        <translation>Il server ha rifiutato nome utente o password.</translation>
    </message>
    <message>
        <location filename="../../ui/start_errors.py" line="28"/>
        <source>The login %1 is disabled on the server: ask whoever runs the database.</source>
        <translation>L&apos;accesso %1 è disabilitato sul server: rivolgiti a chi gestisce il database.</translation>
    </message>
    <message>
        <location filename="../../ui/start_errors.py" line="32"/>
        <source>There is no login %1 on this server.</source>
        <translation>Su questo server non esiste l&apos;accesso %1.</translation>
    </message>
    <message>
        <location filename="../../ui/start_errors.py" line="35"/>
        <source>The login %1 has no staff record in this database: ask an admin to add you.</source>
        <translation>L&apos;accesso %1 non corrisponde a nessun membro del personale in questo database: chiedi a un amministratore di aggiungerti.</translation>
    </message>
    <message>
        <location filename="../../ui/start_errors.py" line="41"/>
        <source>The server %1 cannot be reached: check the host, the port and the network.</source>
        <translation>Il server %1 non è raggiungibile: controlla host, porta e rete.</translation>
    </message>
    <message>
        <location filename="../../ui/start_errors.py" line="45"/>
        <source>The database does not exist on that server.</source>
        <translation>Il database non esiste su quel server.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="99"/>
        <source>Connect and sign in</source>
        <translation>Connessione e accesso</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="118"/>
        <source>none: everything from the server above</source>
        <translation>nessuno: tutto dal server qui sopra</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="120"/>
        <source>A hot standby of the same database (host or host:port): reports, statements, the dashboard, the export and the at-risk list are read from it while it is close enough behind; the same login and password as above.</source>
        <translation>Uno standby a caldo dello stesso database (host o host:porta): report, estratti conto, cruscotto, esportazione e clienti a rischio si leggono da lì finché il suo ritardo è contenuto; stesso login e stessa password indicati sopra.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="126"/>
        <source>Remember the password in the system keyring</source>
        <translation>Ricorda la password nel portachiavi di sistema</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="135"/>
        <source>No keyring is available on this system: the password is asked each time and never stored.</source>
        <translation>Su questo sistema non è disponibile un portachiavi: la password viene chiesta ogni volta e mai salvata.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="139"/>
        <source>Save profile</source>
        <translation>Salva profilo</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="140"/>
        <source>Delete profile</source>
        <translation>Elimina profilo</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="141"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connetti</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="145"/>
        <source>PostgreSQL server</source>
        <translation>Server PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="151"/>
        <source>Profile name</source>
        <translation>Nome del profilo</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="152"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="153"/>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="154"/>
        <location filename="../../ui/start_dialog.py" line="191"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="155"/>
        <source>User name</source>
        <translation>Nome utente</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="156"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="157"/>
        <source>Standby for reports</source>
        <translation>Standby per i report</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="184"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Accedi</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="197"/>
        <source>Staff user</source>
        <translation>Utente</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="249"/>
        <source>Embedded database on this computer (SQLite)</source>
        <translation>Database locale su questo computer (SQLite)</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="251"/>
        <source>PostgreSQL: %1</source>
        <translation>PostgreSQL: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="252"/>
        <source>New PostgreSQL profile…</source>
        <translation>Nuovo profilo PostgreSQL…</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="285"/>
        <source>(remembered in the keyring)</source>
        <translation>(memorizzata nel portachiavi)</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="361"/>
        <source>embedded database</source>
        <translation>database locale</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="388"/>
        <source>Your login %1 was deactivated in this database: ask an admin.</source>
        <translation>Il tuo accesso %1 è stato disattivato in questo database: rivolgiti a un amministratore.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="400"/>
        <source>Database schema</source>
        <translation>Schema del database</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="401"/>
        <source>The database %1 has no RIT Desk schema, or an older one. Create or upgrade it now?</source>
        <translation>Il database %1 non ha lo schema di RIT Desk, o ne ha uno precedente. Crearlo o aggiornarlo ora?</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="405"/>
        <source>The database cannot be used without its schema.</source>
        <translation>Il database non può essere usato senza il suo schema.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="429"/>
        <source>No staff user exists in this database yet: add one with &apos;rit-desk staff add&apos;.</source>
        <translation>In questo database non c&apos;è ancora nessun utente: aggiungine uno con &apos;rit-desk staff add&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="434"/>
        <source>Welcome to RIT Desk. This first start uses the embedded database on this computer, with demo data: pick who you are and sign in. A team&apos;s PostgreSQL server can be chosen above.</source>
        <translation>Benvenuto in RIT Desk. Questo primo avvio usa il database incorporato in questo computer, con dati dimostrativi: scegli chi sei e accedi. Il server PostgreSQL di un gruppo di lavoro si sceglie qui sopra.</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="438"/>
        <source>Connected to %1.</source>
        <translation>Connesso a %1.</translation>
    </message>
</context>
<context>
    <name>VariationsTab</name>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="41"/>
        <source>Proposed</source>
        <translation>Proposta</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="41"/>
        <source>By</source>
        <translation>Da</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="42"/>
        <source>New agreed amount</source>
        <translation>Nuovo importo concordato</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="42"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="43"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="44"/>
        <source>Propose variation…</source>
        <translation>Proponi variazione…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/timeline.py" line="44"/>
        <source>Withdraw…</source>
        <translation>Ritira…</translation>
    </message>
</context>
<context>
    <name>WorkTab</name>
    <message>
        <location filename="../../ui/tabs/work.py" line="60"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="60"/>
        <source>Who</source>
        <translation>Chi</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="60"/>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="61"/>
        <source>Billable</source>
        <translation>Fatturabile</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="61"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="63"/>
        <source>Log work…</source>
        <translation>Registra lavoro…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="63"/>
        <source>Edit…</source>
        <translation>Modifica…</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="63"/>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="97"/>
        <source>Logged %1 (billable %2).</source>
        <translation>Registrate %1 (fatturabili %2).</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="101"/>
        <source>%1 of the agreed ceiling of %2.</source>
        <translation>%1 sul tetto concordato di %2.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="116"/>
        <source>The ceiling is reached: further hours will not be charged. Agree a variation with the customer.</source>
        <translation>Tetto raggiunto: altre ore non saranno addebitate. Concorda una variazione con il cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="120"/>
        <source>Over 80% of the ceiling: agree a variation in time if more work is needed.</source>
        <translation>Oltre l&apos;80% del tetto: se serve altro lavoro concorda per tempo una variazione.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="126"/>
        <source>Fixed price: %1 net whatever the hours.</source>
        <translation>A corpo: %1 imponibile indipendentemente dalle ore.</translation>
    </message>
    <message>
        <location filename="../../ui/tabs/work.py" line="111"/>
        <source>Over the ceiling: %1 hours (%2) will not be charged. Agree a variation with the customer.</source>
        <translation>Oltre il tetto: %1 ore (%2) non saranno addebitate. Concorda una variazione con il cliente.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace_actions.py" line="40"/>
        <source>C&amp;harge document…</source>
        <translation>&amp;Documento di addebito…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="18"/>
        <source>&amp;Take request</source>
        <translation>&amp;Prendi in carico</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="19"/>
        <source>&amp;Assign…</source>
        <translation>&amp;Assegna…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="20"/>
        <source>Change p&amp;riority…</source>
        <translation>Cambia p&amp;riorità…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="21"/>
        <source>&amp;Decline…</source>
        <translation>&amp;Non fattibile…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="23"/>
        <source>&amp;New quote…</source>
        <translation>&amp;Nuovo preventivo…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="24"/>
        <source>&amp;Edit draft…</source>
        <translation>&amp;Modifica bozza…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="25"/>
        <source>&amp;Send quote</source>
        <translation>&amp;Invia preventivo</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="26"/>
        <source>Su&amp;bmit for approval</source>
        <translation>Invia in approva&amp;zione</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="27"/>
        <source>Appr&amp;ove and send</source>
        <translation>Appr&amp;ova e invia</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="28"/>
        <source>Return to dra&amp;ft…</source>
        <translation>Restituisci in &amp;bozza…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="29"/>
        <source>Delete draft</source>
        <translation>Elimina bozza</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="30"/>
        <source>Quote &amp;PDF…</source>
        <translation>&amp;PDF del preventivo…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="32"/>
        <source>&amp;Log work…</source>
        <translation>&amp;Registra lavoro…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="33"/>
        <source>Edit work entry…</source>
        <translation>Modifica registrazione…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="34"/>
        <source>Delete work entry</source>
        <translation>Elimina registrazione</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="35"/>
        <source>Propose &amp;variation…</source>
        <translation>Proponi &amp;variazione…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="37"/>
        <source>&amp;Complete and charge…</source>
        <translation>&amp;Completa e addebita…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="38"/>
        <source>Top-&amp;up…</source>
        <translation>Ric&amp;arica…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="39"/>
        <source>Credit ad&amp;justment…</source>
        <translation>Re&amp;ttifica credito…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="101"/>
        <source>Select a request in the table to see it here.</source>
        <extracomment>the action buttons under the facts, in order (finance sees the credit actions first) work was logged here on (request, minutes not charged before): once re-read, the workspace says if the ceiling was passed (:meth:`_check_ceiling`) confirmation asked before destructive or final direct actions (tests replace it) username -&gt; name of the staff, for the sentences after an action</extracomment>
        <translation>Seleziona una richiesta nella tabella per vederla qui.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="158"/>
        <source>History</source>
        <translation>Storico</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="159"/>
        <source>Notices</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="158"/>
        <source>Quotes</source>
        <translation>Preventivi</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="158"/>
        <source>Work</source>
        <translation>Lavoro</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="158"/>
        <source>Variations</source>
        <translation>Variazioni</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="340"/>
        <source>Someone else changed this request: it has been reloaded.</source>
        <translation>Qualcun altro ha modificato questa richiesta: è stata ricaricata.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="471"/>
        <source>This dialog is not available in this build.</source>
        <translation>Questa finestra non è disponibile in questa versione.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="41"/>
        <source>Add &amp;note…</source>
        <translation>Aggiungi n&amp;ota…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="42"/>
        <source>Attach &amp;file…</source>
        <translation>Allega &amp;file…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="43"/>
        <location filename="../../ui/workspace_extras.py" line="140"/>
        <source>Start ti&amp;mer</source>
        <extracomment>running timers, in this workstation&apos;s settings (the main window gives its own)</extracomment>
        <translation>Avvia cronom&amp;etro</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="160"/>
        <source>Attachments (%1)</source>
        <translation>Allegati (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="161"/>
        <source>Attachments</source>
        <translation>Allegati</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_extras.py" line="141"/>
        <source>Stop ti&amp;mer (%1)</source>
        <translation>Ferma cronom&amp;etro (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_extras.py" line="165"/>
        <source>Timer on %1 stopped after %2: the request takes no more work.</source>
        <translation>Cronometro su %1 fermato dopo %2: la richiesta non accetta più lavoro.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="22"/>
        <source>Cancel re&amp;quest…</source>
        <translation>Ann&amp;ulla richiesta…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="31"/>
        <source>E&amp;xtend quote…</source>
        <translation>Proro&amp;ga preventivo…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace_actions.py" line="36"/>
        <source>&amp;Withdraw variation…</source>
        <translation>Ritira varia&amp;zione…</translation>
    </message>
</context>
<context>
    <name>gui_main</name>
    <message>
        <location filename="../../ui/gui_main.py" line="79"/>
        <source>Password for %1:</source>
        <extracomment>how long the start waits for the first page before it shows the window without it</extracomment>
        <translation>Password per %1:</translation>
    </message>
    <message>
        <location filename="../../ui/gui_main.py" line="116"/>
        <source>The database has no current RIT Desk schema: run &apos;rit-desk init&apos; first.</source>
        <translation>Il database non ha lo schema aggiornato di RIT Desk: esegui prima &apos;rit-desk init&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/gui_main.py" line="130"/>
        <source>No staff user exists in this database yet: add one with &apos;rit-desk staff add&apos;.</source>
        <translation>In questo database non c&apos;è ancora nessun utente: aggiungine uno con &apos;rit-desk staff add&apos;.</translation>
    </message>
    <message>
        <location filename="../../ui/gui_main.py" line="165"/>
        <source>No staff user exists in this database yet.</source>
        <translation>In questo database non c&apos;è ancora nessun utente.</translation>
    </message>
    <message>
        <location filename="../../ui/gui_main.py" line="169"/>
        <source>Sign in as:</source>
        <translation>Accedi come:</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="151"/>
        <source>Refund</source>
        <translation>Storno</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="196"/>
        <source>Charge refunded (credit note)</source>
        <translation>Addebito stornato (nota di credito)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="239"/>
        <source>Charge refunded</source>
        <translation>Addebito stornato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>New</source>
        <translation>Nuova</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Evaluating</source>
        <translation>In valutazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26"/>
        <location filename="../../ui/labels.py" line="94"/>
        <source>Awaiting customer</source>
        <translation>In attesa del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27"/>
        <source>Accepted</source>
        <translation>Accettata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28"/>
        <source>In progress</source>
        <translation>In lavorazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29"/>
        <source>Completed</source>
        <translation>Completata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30"/>
        <source>Declined</source>
        <translation>Non fattibile</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>Rejected</source>
        <translation>Rifiutata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>Expired</source>
        <translation>Scaduta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>Cancelled</source>
        <translation>Annullata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39"/>
        <source>Draft</source>
        <comment>quote</comment>
        <translation>Bozza</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40"/>
        <source>Awaiting approval</source>
        <comment>quote</comment>
        <translation>In approvazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41"/>
        <source>Sent</source>
        <comment>quote</comment>
        <translation>Inviato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42"/>
        <source>Accepted</source>
        <comment>quote</comment>
        <translation>Accettato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Rejected</source>
        <comment>quote</comment>
        <translation>Rifiutato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Expired</source>
        <comment>quote</comment>
        <translation>Scaduto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Superseded</source>
        <comment>quote</comment>
        <translation>Sostituito</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Withdrawn</source>
        <comment>quote</comment>
        <translation>Ritirato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Fixed price</source>
        <translation>A corpo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54"/>
        <source>Hourly</source>
        <translation>A consumo orario</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Software install/upgrade</source>
        <translation>Installazione/aggiornamento software</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>OS patches</source>
        <translation>Patch del sistema operativo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>SSL certificates</source>
        <translation>Certificati SSL</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Hardening</source>
        <translation>Hardening</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64"/>
        <source>Analysis and tuning</source>
        <translation>Analisi e tuning</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65"/>
        <source>Ad-hoc backup</source>
        <translation>Backup ad hoc</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="66"/>
        <source>Firewall / load balancer / VPN</source>
        <translation>Firewall / bilanciatore / VPN</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="67"/>
        <source>Website migration</source>
        <translation>Migrazione siti web</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68"/>
        <source>P2V / V2V migration</source>
        <translation>Migrazione P2V / V2V</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69"/>
        <source>Ad-hoc environment</source>
        <translation>Ambiente ad hoc</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70"/>
        <location filename="../../ui/labels.py" line="142"/>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76"/>
        <source>Low</source>
        <translation>Bassa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77"/>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78"/>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79"/>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85"/>
        <source>Technician</source>
        <translation>Tecnico</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86"/>
        <source>Team lead</source>
        <translation>Team leader</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87"/>
        <source>Finance</source>
        <translation>Amministrazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88"/>
        <source>Administrator</source>
        <translation>Amministratore di sistema</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="95"/>
        <source>Agreed</source>
        <translation>Concordata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96"/>
        <source>Refused</source>
        <translation>Rifiutata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97"/>
        <source>Withdrawn</source>
        <comment>variation</comment>
        <translation>Ritirata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="104"/>
        <source>Active</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105"/>
        <location filename="../../ui/labels.py" line="197"/>
        <location filename="../../ui/labels.py" line="237"/>
        <source>Credit exhausted</source>
        <translation>Credito esaurito</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="120"/>
        <source>tax code</source>
        <translation>codice fiscale</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="121"/>
        <source>VAT number</source>
        <translation>partita IVA</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="122"/>
        <source>street</source>
        <translation>indirizzo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="123"/>
        <source>postcode</source>
        <translation>CAP</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="124"/>
        <source>city</source>
        <translation>comune</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="130"/>
        <source>Running</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="131"/>
        <source>Suspended</source>
        <translation>Sospeso</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="137"/>
        <source>Cloud server</source>
        <translation>Cloud server</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="138"/>
        <source>VPS</source>
        <translation>VPS</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="139"/>
        <source>Hosting</source>
        <translation>Hosting</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="140"/>
        <source>Cloud storage</source>
        <translation>Cloud storage</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="141"/>
        <source>Dedicated server</source>
        <translation>Server dedicato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="148"/>
        <location filename="../../ui/labels.py" line="194"/>
        <source>Top-up</source>
        <translation>Ricarica</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="149"/>
        <source>Charge</source>
        <translation>Addebito</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="150"/>
        <source>Adjustment</source>
        <translation>Rettifica</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="167"/>
        <source>Request submitted</source>
        <translation>Richiesta aperta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="168"/>
        <source>Request taken</source>
        <translation>Presa in carico</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="169"/>
        <source>Request assigned</source>
        <translation>Richiesta assegnata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="170"/>
        <location filename="../../ui/labels.py" line="233"/>
        <source>Request declined</source>
        <translation>Richiesta non fattibile</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="171"/>
        <location filename="../../ui/labels.py" line="234"/>
        <source>Request cancelled</source>
        <translation>Richiesta annullata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="172"/>
        <location filename="../../ui/labels.py" line="235"/>
        <source>Completed and charged</source>
        <translation>Completata e addebitata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="175"/>
        <source>Priority changed</source>
        <translation>Priorità cambiata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="176"/>
        <source>Quote drafted</source>
        <translation>Bozza di preventivo creata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="177"/>
        <source>Quote draft edited</source>
        <translation>Bozza di preventivo modificata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="178"/>
        <source>Quote draft deleted</source>
        <translation>Bozza di preventivo eliminata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="179"/>
        <source>Quote sent</source>
        <translation>Preventivo inviato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="180"/>
        <source>Quote submitted for approval</source>
        <translation>Preventivo inviato in approvazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="181"/>
        <source>Quote approved</source>
        <translation>Preventivo approvato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="182"/>
        <source>Quote returned to draft</source>
        <translation>Preventivo restituito in bozza</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="183"/>
        <source>Quote accepted</source>
        <translation>Preventivo accettato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="184"/>
        <source>Quote rejected</source>
        <translation>Preventivo rifiutato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="185"/>
        <location filename="../../ui/labels.py" line="245"/>
        <source>Quote expired</source>
        <translation>Preventivo scaduto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="187"/>
        <source>Work logged</source>
        <translation>Lavoro registrato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="188"/>
        <source>Work entry edited</source>
        <translation>Registrazione modificata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="189"/>
        <source>Work entry deleted</source>
        <translation>Registrazione eliminata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="190"/>
        <location filename="../../ui/labels.py" line="231"/>
        <source>Variation proposed</source>
        <translation>Variazione proposta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="191"/>
        <source>Variation agreed</source>
        <translation>Variazione concordata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="192"/>
        <source>Variation refused</source>
        <translation>Variazione rifiutata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="195"/>
        <source>Credit adjustment</source>
        <translation>Rettifica del credito</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="198"/>
        <location filename="../../ui/labels.py" line="238"/>
        <source>Services restarted</source>
        <translation>Servizi riattivati</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="199"/>
        <source>Customer added</source>
        <translation>Cliente aggiunto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="200"/>
        <source>Service added</source>
        <translation>Servizio aggiunto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="201"/>
        <source>Staff user added</source>
        <translation>Utente aggiunto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="202"/>
        <source>Setting changed</source>
        <translation>Impostazione cambiata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="215"/>
        <source>Service billing changed</source>
        <translation>Fatturazione del servizio modificata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="216"/>
        <location filename="../../ui/labels.py" line="249"/>
        <source>Service switched off</source>
        <translation>Servizio spento</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="217"/>
        <source>Customer warned of the archiving</source>
        <translation>Cliente avvisato dell&apos;archiviazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="219"/>
        <location filename="../../ui/labels.py" line="251"/>
        <source>Service archived</source>
        <translation>Servizio archiviato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="220"/>
        <source>Customer warned of the deletion</source>
        <translation>Cliente avvisato della cancellazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="222"/>
        <location filename="../../ui/labels.py" line="253"/>
        <source>Service deleted</source>
        <translation>Servizio cancellato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="228"/>
        <source>Request received</source>
        <translation>Richiesta ricevuta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="229"/>
        <source>Quote proposed</source>
        <translation>Preventivo proposto</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="250"/>
        <source>Archiving announced</source>
        <translation>Archiviazione annunciata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="252"/>
        <source>Deletion announced</source>
        <translation>Cancellazione annunciata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="360"/>
        <source>Control panel</source>
        <translation>Pannello di controllo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="363"/>
        <source>RIT Desk (automatic)</source>
        <translation>RIT Desk (automatico)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="365"/>
        <source>Database owner (maintenance)</source>
        <translation>Proprietario del database (manutenzione)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="467"/>
        <source>VAT paid on the credit top-up</source>
        <translation>IVA assolta sulla ricarica del credito</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="468"/>
        <source>VAT %1 included in the charge</source>
        <translation>IVA %1 inclusa nell&apos;addebito</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="203"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="204"/>
        <source>File attached</source>
        <translation>File allegato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="111"/>
        <source>Business</source>
        <translation>Impresa</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="112"/>
        <source>Consumer</source>
        <translation>Privato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="113"/>
        <source>Public administration</source>
        <translation>Pubblica amministrazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47"/>
        <source>Replaced (extended)</source>
        <comment>quote</comment>
        <translation>Sostituito (prorogato)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="186"/>
        <location filename="../../ui/labels.py" line="230"/>
        <source>Quote extended</source>
        <translation>Preventivo prorogato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="193"/>
        <location filename="../../ui/labels.py" line="232"/>
        <source>Variation withdrawn</source>
        <translation>Variazione ritirata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="240"/>
        <source>Credit still exhausted: missing</source>
        <translation>Credito ancora esaurito: importo mancante</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="242"/>
        <source>Credit exhausted: more missing</source>
        <translation>Credito esaurito: manca di più</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98"/>
        <source>Lapsed (unanswered)</source>
        <translation>Decaduta (senza risposta)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="206"/>
        <source>Customer reminded of the quote</source>
        <translation>Cliente avvisato della scadenza del preventivo</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="207"/>
        <source>Customer reminded of the variation</source>
        <translation>Cliente sollecitato sulla variazione</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="210"/>
        <source>Low-credit alert</source>
        <translation>Avviso di credito basso</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="211"/>
        <source>Credit back above the alert</source>
        <translation>Credito di nuovo sopra la soglia di avviso</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="212"/>
        <source>Email of a notice retried</source>
        <translation>Email di un avviso reinviata</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="213"/>
        <source>Customer changed</source>
        <translation>Cliente modificato</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="244"/>
        <source>Quote about to expire</source>
        <translation>Preventivo in scadenza</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="246"/>
        <source>Variation awaiting answer</source>
        <translation>Variazione in attesa di risposta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="209"/>
        <location filename="../../ui/labels.py" line="247"/>
        <source>Variation lapsed</source>
        <translation>Variazione decaduta</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="248"/>
        <source>Credit low</source>
        <translation>Credito basso</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="159"/>
        <source>initial credit</source>
        <translation>credito iniziale</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="160"/>
        <source>top-up</source>
        <translation>ricarica</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="161"/>
        <source>adjustment</source>
        <translation>rettifica</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="173"/>
        <location filename="../../ui/labels.py" line="236"/>
        <source>Cancelled, work done charged</source>
        <translation>Annullata, lavoro svolto addebitato</translation>
    </message>
</context>
<context>
    <name>ui_lang</name>
    <message>
        <location filename="../../ui/labels.py" line="260"/>
        <source>en</source>
        <comment>the code of this translation&apos;s language: it for Italian</comment>
        <translation>it</translation>
    </message>
</context>
</TS>
