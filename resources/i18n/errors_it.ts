<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>errors</name>
    <message>
        <source>unsupported database {backend!r}: use sqlite or postgresql</source>
        <translation>database {backend!r} non supportato: usa sqlite o postgresql</translation>
    </message>
    <message>
        <source>the password cannot be remembered: {detail}</source>
        <translation>la password non può essere memorizzata: {detail}</translation>
    </message>
    <message>
        <source>not a database URL: {text!r}</source>
        <translation>non è l&apos;URL di un database: {text!r}</translation>
    </message>
    <message>
        <source>you are signed in as {login}</source>
        <translation>hai effettuato l&apos;accesso come {login}</translation>
    </message>
    <message>
        <source>another workstation changed this record in the meantime: reload and try again</source>
        <translation>un&apos;altra postazione ha modificato questi dati nel frattempo: ricarica e riprova</translation>
    </message>
    <message>
        <source>the change conflicts with data saved in the meantime: reload and try again ({detail})</source>
        <translation>la modifica è in conflitto con dati salvati nel frattempo: ricarica e riprova ({detail})</translation>
    </message>
    <message>
        <source>another workstation changed the same data at the same time: try again ({detail})</source>
        <translation>un&apos;altra postazione ha modificato gli stessi dati nello stesso momento: riprova ({detail})</translation>
    </message>
    <message>
        <source>the database {database} cannot be used: {detail}</source>
        <translation>il database {database} non può essere usato: {detail}</translation>
    </message>
    <message>
        <source>database error: {detail}</source>
        <translation>errore del database: {detail}</translation>
    </message>
    <message>
        <source>cannot connect to {database}: {detail}</source>
        <translation>impossibile connettersi a {database}: {detail}</translation>
    </message>
    <message>
        <source>the privileges cannot be applied: {detail}</source>
        <translation>i privilegi non possono essere applicati: {detail}</translation>
    </message>
    <message>
        <source>the database schema is at revision {revision}, which this version of RIT Desk does not know: a newer version migrated it, use that one</source>
        <translation>lo schema del database è alla revisione {revision}, che questa versione di RIT Desk non conosce: l&apos;ha migrato una versione più recente, usa quella</translation>
    </message>
    <message>
        <source>the database schema cannot be upgraded: {detail}</source>
        <translation>impossibile aggiornare lo schema del database: {detail}</translation>
    </message>
    <message>
        <source>cannot create the folder of {database}: {strerror}</source>
        <translation>impossibile creare la cartella di {database}: {strerror}</translation>
    </message>
    <message>
        <source>{request} is {state}</source>
        <translation>{request} è {state}</translation>
    </message>
    <message>
        <source>the database refused: {detail}</source>
        <translation>il database ha rifiutato: {detail}</translation>
    </message>
    <message>
        <source>this action is done by a staff member: name one (--as USER)</source>
        <translation>questa azione la compie un membro del personale: indicalo (--as UTENTE)</translation>
    </message>
    <message>
        <source>the login {login} has no staff record in this database</source>
        <translation>l&apos;accesso {login} non corrisponde a nessun membro del personale in questo database</translation>
    </message>
    <message>
        <source>{user} (technician) may change only requests assigned to them: not {request}</source>
        <translation>{user} (tecnico) può modificare solo le richieste assegnate a sé: non {request}</translation>
    </message>
    <message>
        <source>{user} (technician) may change only their own work entries</source>
        <translation>{user} (tecnico) può modificare solo le proprie registrazioni di lavoro</translation>
    </message>
    <message>
        <source>{login} is not a login of the control panel</source>
        <translation>{login} non è un accesso del pannello di controllo</translation>
    </message>
    <message>
        <source>the charge of {request} does not add up: the database refused it</source>
        <translation>l&apos;addebito di {request} non torna: il database lo ha rifiutato</translation>
    </message>
    <message>
        <source>the charge of {request} ({net} net) is above what the customer agreed ({ceiling})</source>
        <translation>l&apos;addebito di {request} ({net} di imponibile) supera quanto concordato con il cliente ({ceiling})</translation>
    </message>
    <message>
        <source>a charge is dated by the database: {user} may not give it a date</source>
        <translation>la data di un addebito la mette il database: {user} non può indicarla</translation>
    </message>
    <message>
        <source>{amount} is outside the limits of one credit operation ({min} to {max})</source>
        <translation>{amount} è fuori dai limiti di una singola operazione sul credito (da {min} a {max})</translation>
    </message>
    <message>
        <source>unknown kind of credit: {kind}</source>
        <translation>tipo di movimento di credito sconosciuto: {kind}</translation>
    </message>
    <message>
        <source>the amount of a {kind} must be above zero (an adjustment: not zero)</source>
        <translation>l&apos;importo di {kind} deve essere maggiore di zero (una rettifica: diverso da zero)</translation>
    </message>
    <message>
        <source>reason is required</source>
        <translation>il motivo è obbligatorio</translation>
    </message>
    <message>
        <source>customer {code} was changed by someone else in the meantime: reload and try again</source>
        <translation>il cliente {code} è stato modificato da qualcun altro nel frattempo: ricarica e riprova</translation>
    </message>
    <message>
        <source>not a valid staff user: {username}</source>
        <translation>utente del personale non valido: {username}</translation>
    </message>
    <message>
        <source>the database role {username} cannot be a staff login (it is not a plain login)</source>
        <translation>il ruolo di database {username} non può essere l&apos;accesso di un membro del personale (non è un semplice accesso)</translation>
    </message>
    <message>
        <source>user {username} has no login in this database</source>
        <translation>l&apos;utente {username} non ha un accesso in questo database</translation>
    </message>
    <message>
        <source>the login {username} belongs to another database too: only trusted maintenance may link it or set its password here</source>
        <translation>il login {username} appartiene anche a un altro database: solo la manutenzione fidata può collegarlo o impostarne la password qui</translation>
    </message>
    <message>
        <source>{username} already has a login: it is linked and keeps its password (leave out the password)</source>
        <translation>{username} ha già un login: viene collegato e mantiene la sua password (non indicare la password)</translation>
    </message>
    <message>
        <source>{login} is not a login of this database&apos;s control panel</source>
        <translation>{login} non è un login del pannello di controllo di questo database</translation>
    </message>
    <message>
        <source>the password must not be empty</source>
        <translation>la password non può essere vuota</translation>
    </message>
    <message>
        <source>{username} is the last active admin: make someone else admin first</source>
        <translation>{username} è l&apos;ultimo amministratore attivo: prima rendi amministratore qualcun altro</translation>
    </message>
    <message>
        <source>a new customer starts with no credit: credit moves only as top-ups</source>
        <translation>un nuovo cliente parte senza credito: il credito si muove solo con le ricariche</translation>
    </message>
    <message>
        <source>{request} is completed only by its charge</source>
        <translation>{request} si completa solo con il suo addebito</translation>
    </message>
    <message>
        <source>only the customer (the control panel) answers on {request}</source>
        <translation>solo il cliente (dal pannello di controllo) risponde su {request}</translation>
    </message>
    <message>
        <source>quote {quote} cannot change that way</source>
        <translation>il preventivo {quote} non può cambiare in questo modo</translation>
    </message>
    <message>
        <source>the database refused: a {what} cannot go from {before} to {after}</source>
        <translation>il database ha rifiutato: un elemento {what} non può passare da {before} a {after}</translation>
    </message>
    <message>
        <source>the database refused: {user} may not move a {what} from {before} to {after}</source>
        <translation>il database ha rifiutato: {user} non può portare un elemento {what} da {before} a {after}</translation>
    </message>
    <message>
        <source>a request is opened only as new, with no assignee, quote or closing</source>
        <translation>una richiesta si apre solo come nuova, senza assegnatario, preventivo o chiusura</translation>
    </message>
    <message>
        <source>{request} is {state}: it can no longer change</source>
        <translation>la richiesta {request} è {state}: non può più cambiare</translation>
    </message>
    <message>
        <source>only the database sets {column} of {request}</source>
        <translation>solo il database imposta {column} della richiesta {request}</translation>
    </message>
    <message>
        <source>a quote is composed only as a draft</source>
        <translation>un preventivo si compone solo come bozza</translation>
    </message>
    <message>
        <source>quote {quote} is valid until {valid_until}: it does not expire before</source>
        <translation>il preventivo {quote} è valido fino al {valid_until}: non scade prima</translation>
    </message>
    <message>
        <source>quote {quote} is {quote_state} only through its use case: the database refused it</source>
        <translation>il preventivo {quote} diventa {quote_state} solo con la sua operazione: il database l&apos;ha rifiutato</translation>
    </message>
    <message>
        <source>a variation is proposed, never agreed or answered by who proposes it</source>
        <translation>una variazione si propone soltanto: non la concorda né la risponde chi la propone</translation>
    </message>
    <message>
        <source>a work entry stays on its request</source>
        <translation>una registrazione di lavoro resta sulla sua richiesta</translation>
    </message>
    <message>
        <source>a {action} event is written only by the database&apos;s own functions</source>
        <translation>un evento {action} è scritto solo dalle funzioni del database</translation>
    </message>
    <message>
        <source>a {kind} notice is written only by the database&apos;s own functions</source>
        <translation>un avviso {kind} è scritto solo dalle funzioni del database</translation>
    </message>
    <message>
        <source>an event is written only with the change it records, in the same transaction</source>
        <translation>un evento si scrive solo insieme alla modifica che registra, nella stessa transazione</translation>
    </message>
    <message>
        <source>{request} has no charge to refund</source>
        <translation>{request} non ha un addebito da stornare</translation>
    </message>
    <message>
        <source>the charge of {request} is refunded in full</source>
        <translation>l&apos;addebito di {request} è già stornato per intero</translation>
    </message>
    <message>
        <source>the net amount of a refund must be greater than zero</source>
        <translation>l&apos;imponibile di uno storno deve essere maggiore di zero</translation>
    </message>
    <message>
        <source>a refund of {net} net is more than what is left of the charge of {request} ({left})</source>
        <translation>uno storno di {net} di imponibile supera quanto resta dell&apos;addebito di {request} ({left})</translation>
    </message>
    <message>
        <source>the document of {request} to store is not a PDF</source>
        <translation>il documento di {request} da archiviare non è un PDF</translation>
    </message>
    <message>
        <source>quote {quote} is above the technicians&apos; send limit: a team lead must send it</source>
        <translation>il preventivo {quote} supera il limite di invio dei tecnici: deve inviarlo un team leader</translation>
    </message>
    <message>
        <source>only a team lead or an admin approves or returns quote {quote}</source>
        <translation>solo un team leader o un amministratore approva o restituisce il preventivo {quote}</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>aliquota IVA</translation>
    </message>
    <message>
        <source>estimated hours</source>
        <translation>ore stimate</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importo</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>quantità</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ore</translation>
    </message>
    <message>
        <source>{what} is not a number: {raw!r}</source>
        <translation>il campo «{what}» non è un numero: {raw!r}</translation>
    </message>
    <message>
        <source>{what} has more than two decimals: {value}</source>
        <translation>il campo «{what}» ha più di due decimali: {value}</translation>
    </message>
    <message>
        <source>{what} must be greater than zero: {value}</source>
        <translation>il campo «{what}» deve essere maggiore di zero: {value}</translation>
    </message>
    <message>
        <source>{what} must not exceed 1,000,000.00: {value}</source>
        <translation>il campo «{what}» non può superare 1.000.000,00: {value}</translation>
    </message>
    <message>
        <source>{what} must not be zero</source>
        <translation>il campo «{what}» non può essere zero</translation>
    </message>
    <message>
        <source>{what} must not exceed 1,000,000.00 in absolute value: {value}</source>
        <translation>il campo «{what}» non può superare 1.000.000,00 in valore assoluto: {value}</translation>
    </message>
    <message>
        <source>{what} must not exceed 100,000: {value}</source>
        <translation>il campo «{what}» non può superare 100.000: {value}</translation>
    </message>
    <message>
        <source>VAT rate must be between 0 and 100: {value}</source>
        <translation>l&apos;aliquota IVA deve essere compresa tra 0 e 100: {value}</translation>
    </message>
    <message>
        <source>{what} is required</source>
        <translation>il campo «{what}» è obbligatorio</translation>
    </message>
    <message>
        <source>a text contains a NUL character, which cannot be stored: remove it</source>
        <translation>un testo contiene un carattere NUL, che non si può salvare: toglilo</translation>
    </message>
    <message>
        <source>a read database (--read-db) needs a PostgreSQL primary: the embedded SQLite file has no standby</source>
        <translation>un database di lettura (--read-db) richiede un primario PostgreSQL: il file SQLite integrato non ha uno standby</translation>
    </message>
    <message>
        <source>the read database must be a PostgreSQL standby</source>
        <translation>il database di lettura deve essere uno standby PostgreSQL</translation>
    </message>
    <message>
        <source>the read database is read as the same login as the primary ({login}): leave the user out of its URL</source>
        <translation>il database di lettura si legge con lo stesso login del primario ({login}): togli l&apos;utente dal suo URL</translation>
    </message>
    <message>
        <source>the read database takes the primary&apos;s password: leave it out of its URL</source>
        <translation>il database di lettura usa la password del primario: toglila dal suo URL</translation>
    </message>
    <message>
        <source>the standby needs a host: {text!r}</source>
        <translation>lo standby richiede un host: {text!r}</translation>
    </message>
    <message>
        <source>standby port</source>
        <translation>porta dello standby</translation>
    </message>
    <message>
        <source>country must be a two-letter ISO code, e.g. IT: {value!r}</source>
        <translation>il paese è un codice ISO di due lettere, ad es. IT: {value!r}</translation>
    </message>
    <message>
        <source>the Codice Destinatario must be {size} letters or digits: {value!r}</source>
        <translation>il Codice Destinatario è di {size} lettere o cifre: {value!r}</translation>
    </message>
    <message>
        <source>{value!r} is not a valid PEC address</source>
        <translation>{value!r} non è un indirizzo PEC valido</translation>
    </message>
    <message>
        <source>an Italian postcode (CAP) is 5 digits: {value!r}</source>
        <translation>un CAP italiano è di 5 cifre: {value!r}</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>CAP</translation>
    </message>
    <message>
        <source>the province is its two-letter code, e.g. MI: {value!r}</source>
        <translation>la provincia è la sua sigla di due lettere, ad es. MI: {value!r}</translation>
    </message>
    <message>
        <source>province</source>
        <translation>provincia</translation>
    </message>
    <message>
        <source>unknown tax regime {value!r}; one of RF01 … RF19</source>
        <translation>regime fiscale sconosciuto {value!r}; uno tra RF01 … RF19</translation>
    </message>
    <message>
        <source>customer kind must be business, consumer or pa: {kind!r}</source>
        <translation>il tipo di cliente è business (impresa), consumer (privato) o pa (pubblica amministrazione): {kind!r}</translation>
    </message>
    <message>
        <source>a business customer needs its VAT number</source>
        <translation>un cliente impresa deve avere la partita IVA</translation>
    </message>
    <message>
        <source>a public administration needs its tax code</source>
        <translation>una pubblica amministrazione deve avere il codice fiscale</translation>
    </message>
    <message>
        <source>a public administration needs its Codice Univoco Ufficio (6 characters)</source>
        <translation>una pubblica amministrazione deve avere il Codice Univoco Ufficio (6 caratteri)</translation>
    </message>
    <message>
        <source>{value!r} is not a valid VAT number (check digit or length)</source>
        <translation>{value!r} non è una partita IVA valida (cifra di controllo o lunghezza)</translation>
    </message>
    <message>
        <source>{value!r} is not a valid tax code (codice fiscale)</source>
        <translation>{value!r} non è un codice fiscale valido</translation>
    </message>
    <message>
        <source>no Codice Destinatario or PEC: invoices go with 0000000 to the customer&apos;s reserved area</source>
        <translation>nessun Codice Destinatario né PEC: le fatture vanno con 0000000 nell&apos;area riservata del cliente</translation>
    </message>
    <message>
        <source>street</source>
        <translation>indirizzo</translation>
    </message>
    <message>
        <source>city</source>
        <translation>comune</translation>
    </message>
    <message>
        <source>tax code</source>
        <translation>codice fiscale</translation>
    </message>
    <message>
        <source>the company logo {path} cannot be used: {reason}</source>
        <translation>il logo aziendale {path} non può essere usato: {reason}</translation>
    </message>
    <message>
        <source>the image does not decode ({detail})</source>
        <translation>l&apos;immagine non si riesce a decodificare ({detail})</translation>
    </message>
    <message>
        <source>give the full path of the file</source>
        <translation>indica il percorso completo del file</translation>
    </message>
    <message>
        <source>it is not a PNG or JPEG image</source>
        <translation>non è un&apos;immagine PNG o JPEG</translation>
    </message>
    <message>
        <source>it is {width} x {height} pixels; at most {side} a side</source>
        <translation>misura {width} x {height} pixel; al massimo {side} per lato</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>il file non esiste</translation>
    </message>
    <message>
        <source>it is larger than 2 MB</source>
        <translation>è più grande di 2 MB</translation>
    </message>
    <message>
        <source>{what} must be greater than zero: {raw!r}</source>
        <translation>il campo «{what}» deve essere maggiore di zero: {raw!r}</translation>
    </message>
    <message>
        <source>{what} must not exceed 24 hours in one entry: {raw!r}</source>
        <translation>il campo «{what}» non può superare 24 ore in una sola registrazione: {raw!r}</translation>
    </message>
    <message>
        <source>estimated hours must be greater than zero: {value}</source>
        <translation>le ore stimate devono essere più di zero: {value}</translation>
    </message>
    <message>
        <source>estimated hours must not exceed 10,000: {value}</source>
        <translation>le ore stimate non possono superare 10.000: {value}</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {low} to {high}: {raw!r}</source>
        <translation>il campo «{what}» deve essere un numero intero da {low} a {high}: {raw!r}</translation>
    </message>
    <message>
        <source>{what} must look like 2:30 or 2.5: {raw!r}</source>
        <translation>il campo «{what}» deve essere nella forma 2:30 o 2,5: {raw!r}</translation>
    </message>
    <message>
        <source>{what}: minutes must be below 60: {raw!r}</source>
        <translation>il campo «{what}»: i minuti devono essere meno di 60: {raw!r}</translation>
    </message>
    <message>
        <source>{what} must be a whole number of minutes: {raw!r}</source>
        <translation>il campo «{what}» deve corrispondere a un numero intero di minuti: {raw!r}</translation>
    </message>
    <message>
        <source>the period ends ({last}) before it starts ({first})</source>
        <translation>il periodo finisce ({last}) prima di cominciare ({first})</translation>
    </message>
    <message>
        <source>a period covers at most ten years</source>
        <translation>un periodo copre al massimo dieci anni</translation>
    </message>
    <message>
        <source>take a request</source>
        <translation>prendere in carico una richiesta</translation>
    </message>
    <message>
        <source>evaluate a request</source>
        <translation>valutare una richiesta</translation>
    </message>
    <message>
        <source>assign requests</source>
        <translation>assegnare richieste</translation>
    </message>
    <message>
        <source>decline a request</source>
        <translation>dichiarare non fattibile una richiesta</translation>
    </message>
    <message>
        <source>compose quotes</source>
        <translation>comporre preventivi</translation>
    </message>
    <message>
        <source>send quotes</source>
        <translation>inviare preventivi</translation>
    </message>
    <message>
        <source>approve or return quotes submitted for approval</source>
        <translation>approvare o restituire i preventivi inviati in approvazione</translation>
    </message>
    <message>
        <source>log work</source>
        <translation>registrare lavoro</translation>
    </message>
    <message>
        <source>edit work entries</source>
        <translation>modificare le registrazioni di lavoro</translation>
    </message>
    <message>
        <source>propose variations</source>
        <translation>proporre variazioni</translation>
    </message>
    <message>
        <source>complete and charge requests</source>
        <translation>completare e addebitare richieste</translation>
    </message>
    <message>
        <source>record top-ups</source>
        <translation>registrare ricariche</translation>
    </message>
    <message>
        <source>record credit adjustments</source>
        <translation>registrare rettifiche del credito</translation>
    </message>
    <message>
        <source>export quote PDFs</source>
        <translation>esportare i PDF dei preventivi</translation>
    </message>
    <message>
        <source>manage staff and settings</source>
        <translation>gestire utenti e impostazioni</translation>
    </message>
    <message>
        <source>run the quote expiry sweep</source>
        <translation>eseguire la scadenza dei preventivi</translation>
    </message>
    <message>
        <source>see charges reports, statements and charge documents</source>
        <translation>vedere report degli addebiti, estratti conto e documenti di addebito</translation>
    </message>
    <message>
        <source>refund charges</source>
        <translation>stornare addebiti</translation>
    </message>
    <message>
        <source>{user} ({role}) may not {action}</source>
        <translation>{user} ({role}) non può {action}</translation>
    </message>
    <message>
        <source>change the price list</source>
        <translation>modificare il listino</translation>
    </message>
    <message>
        <source>add notes and attachments to a request</source>
        <translation>aggiungere note e allegati a una richiesta</translation>
    </message>
    <message>
        <source>{user} ({role}) may {action} only on their own requests</source>
        <translation>{user} ({role}) può {action} solo sulle richieste a sé assegnate</translation>
    </message>
    <message>
        <source>this user</source>
        <translation>questo utente</translation>
    </message>
    <message>
        <source>not a reference such as RIT-000123 or RIT-000123/2, nor a number: {text!r}</source>
        <translation>non è un riferimento come RIT-000123 o RIT-000123/2, né un numero: {text!r}</translation>
    </message>
    <message>
        <source>a quote revision starts at 1: {text!r}</source>
        <translation>le revisioni di un preventivo partono da 1: {text!r}</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>essere presa in carico</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>essere assegnata</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>essere dichiarata non fattibile</translation>
    </message>
    <message>
        <source>quoted</source>
        <translation>ricevere un preventivo</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>ricevere una risposta al preventivo</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>essere annullata</translation>
    </message>
    <message>
        <source>given work entries</source>
        <translation>ricevere registrazioni di lavoro</translation>
    </message>
    <message>
        <source>given a variation</source>
        <translation>ricevere una variazione</translation>
    </message>
    <message>
        <source>given an answer to a variation</source>
        <translation>ricevere una risposta a una variazione</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>essere completata</translation>
    </message>
    <message>
        <source>given another priority</source>
        <translation>cambiare priorità</translation>
    </message>
    <message>
        <source>{request} is {state} and cannot be {what}</source>
        <translation>la richiesta {request} è {state} e non può {what}</translation>
    </message>
    <message>
        <source>{request} is already completed and charged</source>
        <translation>la richiesta {request} è già stata completata e addebitata</translation>
    </message>
    <message>
        <source>{request} has no work logged: it cannot be completed yet</source>
        <translation>la richiesta {request} non ha lavoro registrato: non può ancora essere completata</translation>
    </message>
    <message>
        <source>{request} is {state}: hours can be logged only once a quote is accepted</source>
        <translation>la richiesta {request} è {state}: le ore si registrano solo dopo l&apos;accettazione di un preventivo</translation>
    </message>
    <message>
        <source>file name</source>
        <translation>nome del file</translation>
    </message>
    <message>
        <source>{filename} is empty</source>
        <translation>{filename} è vuoto</translation>
    </message>
    <message>
        <source>{filename} is {size} bytes: an attachment may be at most {limit} bytes (10 MB)</source>
        <translation>{filename} è di {size} byte: un allegato può essere al massimo di {limit} byte (10 MB)</translation>
    </message>
    <message>
        <source>{filename} is not a PDF, PNG, JPEG or plain text file: it cannot be attached</source>
        <translation>{filename} non è un file PDF, PNG, JPEG o di testo semplice: non può essere allegato</translation>
    </message>
    <message>
        <source>unknown attachment: {ident}</source>
        <translation>allegato sconosciuto: {ident}</translation>
    </message>
    <message>
        <source>attachment {ident} of {request} does not match its SHA-256: it was altered</source>
        <translation>l&apos;allegato {ident} di {request} non corrisponde al suo SHA-256: è stato alterato</translation>
    </message>
    <message>
        <source>unknown queue {name!r}; one of: {choices}</source>
        <translation>coda {name!r} sconosciuta; una tra: {choices}</translation>
    </message>
    <message>
        <source>unknown request: {request}</source>
        <translation>richiesta inesistente: {request}</translation>
    </message>
    <message>
        <source>{request} has no work logged: it cannot be completed</source>
        <translation>la richiesta {request} non ha lavoro registrato: non può essere completata</translation>
    </message>
    <message>
        <source>{request} has a variation that still awaits the customer&apos;s answer</source>
        <translation>la richiesta {request} ha una variazione che attende ancora la risposta del cliente</translation>
    </message>
    <message>
        <source>{request} has no accepted quote</source>
        <translation>la richiesta {request} non ha un preventivo accettato</translation>
    </message>
    <message>
        <source>the charge of {request} changed after it was shown ({shown}): it is now {total} (net {net} + VAT {vat}); review it and confirm again</source>
        <translation>l&apos;addebito della richiesta {request} è cambiato dopo essere stato mostrato ({shown}): ora è {total} (imponibile {net} + IVA {vat}); controllalo e conferma di nuovo</translation>
    </message>
    <message>
        <source>{request} was changed by someone else in the meantime: reload and try again</source>
        <translation>la richiesta {request} è stata modificata da qualcun altro nel frattempo: ricarica e riprova</translation>
    </message>
    <message>
        <source>{request} is already charged</source>
        <translation>la richiesta {request} è già stata addebitata</translation>
    </message>
    <message>
        <source>quote {quote} was sent and can no longer be changed</source>
        <translation>il preventivo {quote} è stato inviato e non può più essere modificato</translation>
    </message>
    <message>
        <source>quote {quote} expired on {valid_until} and can no longer be accepted: ask for a new quote</source>
        <translation>il preventivo {quote} è scaduto il {valid_until} e non può più essere accettato: chiedi un nuovo preventivo</translation>
    </message>
    <message>
        <source>quote {quote} was replaced by a newer revision</source>
        <translation>il preventivo {quote} è stato sostituito da una revisione più recente</translation>
    </message>
    <message>
        <source>quote {quote} is {quote_state} and cannot be answered</source>
        <translation>il preventivo {quote} è nello stato {quote_state} e non può ricevere risposta</translation>
    </message>
    <message>
        <source>unknown quote: {quote}</source>
        <translation>preventivo inesistente: {quote}</translation>
    </message>
    <message>
        <source>{request} already has a draft quote ({draft}): edit it</source>
        <translation>la richiesta {request} ha già una bozza di preventivo ({draft}): modifica quella</translation>
    </message>
    <message>
        <source>quote {quote}</source>
        <translation>il preventivo {quote}</translation>
    </message>
    <message>
        <source>{request} has no quote</source>
        <translation>la richiesta {request} non ha preventivi</translation>
    </message>
    <message>
        <source>{request} is assigned to someone else: a team lead can reassign it</source>
        <translation>la richiesta {request} è assegnata a un altro: può riassegnarla un team leader</translation>
    </message>
    <message>
        <source>limit of one credit operation</source>
        <translation>limite di una singola operazione sul credito</translation>
    </message>
    <message>
        <source>the lowest amount of one credit operation ({low}) must not be above the highest ({high})</source>
        <translation>l&apos;importo minimo di una singola operazione sul credito ({low}) non può superare il massimo ({high})</translation>
    </message>
    <message>
        <source>this database has no control panel login: make one with init --portal LOGIN</source>
        <translation>questo database non ha un login del pannello di controllo: crealo con init --portal LOGIN</translation>
    </message>
    <message>
        <source>this database has {count} control panel logins: name the one whose password changes</source>
        <translation>questo database ha {count} login del pannello di controllo: indica quello di cui cambiare la password</translation>
    </message>
    <message>
        <source>{request} has no variation</source>
        <translation>la richiesta {request} non ha variazioni</translation>
    </message>
    <message>
        <source>{request} already has a variation still awaiting the customer</source>
        <translation>la richiesta {request} ha già una variazione in attesa del cliente</translation>
    </message>
    <message>
        <source>the variation of {request} proposed on {proposed} was already {variation_state}</source>
        <translation>la variazione della richiesta {request} proposta il {proposed} è già stata {variation_state}</translation>
    </message>
    <message>
        <source>the work entry of {work_date} on {request}</source>
        <translation>la registrazione di lavoro del {work_date} sulla richiesta {request}</translation>
    </message>
    <message>
        <source>{request} is {state}: its work can no longer change</source>
        <translation>la richiesta {request} è {state}: il suo lavoro non può più cambiare</translation>
    </message>
    <message>
        <source>unknown user: {actor}</source>
        <translation>utente inesistente: {actor}</translation>
    </message>
    <message>
        <source>user {actor} is no longer active</source>
        <translation>l&apos;utente {actor} non è più attivo</translation>
    </message>
    <message>
        <source>cannot group charges by {by!r}; one of: {choices}</source>
        <translation>impossibile raggruppare gli addebiti per {by!r}; uno tra: {choices}</translation>
    </message>
    <message>
        <source>{what} is too long ({length} characters, at most {max_len})</source>
        <translation>il campo «{what}» è troppo lungo ({length} caratteri, al massimo {max_len})</translation>
    </message>
    <message>
        <source>{what} contains control characters</source>
        <translation>il campo «{what}» contiene caratteri di controllo</translation>
    </message>
    <message>
        <source>unknown user: {username}</source>
        <translation>utente inesistente: {username}</translation>
    </message>
    <message>
        <source>user {username} is no longer active</source>
        <translation>l&apos;utente {username} non è più attivo</translation>
    </message>
    <message>
        <source>unknown {what}: {ident}</source>
        <translation>{what} inesistente: {ident}</translation>
    </message>
    <message>
        <source>{what} was changed by someone else in the meantime: reload and try again</source>
        <translation>qualcun altro ha modificato {what} nel frattempo: ricarica e riprova</translation>
    </message>
    <message>
        <source>unknown customer: {code}</source>
        <translation>cliente inesistente: {code}</translation>
    </message>
    <message>
        <source>request</source>
        <translation>richiesta</translation>
    </message>
    <message>
        <source>customer code</source>
        <translation>codice cliente</translation>
    </message>
    <message>
        <source>customer code may hold letters, digits, - _ . only: {code!r}</source>
        <translation>il codice cliente può contenere solo lettere, cifre, - _ .: {code!r}</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>nome del cliente</translation>
    </message>
    <message>
        <source>language must be it or en: {lang!r}</source>
        <translation>la lingua deve essere it o en: {lang!r}</translation>
    </message>
    <message>
        <source>address</source>
        <translation>indirizzo</translation>
    </message>
    <message>
        <source>service name</source>
        <translation>nome del servizio</translation>
    </message>
    <message>
        <source>unknown service kind {kind!r}; one of: {choices}</source>
        <translation>tipo di servizio sconosciuto {kind!r}; uno tra: {choices}</translation>
    </message>
    <message>
        <source>top-up amount</source>
        <translation>importo della ricarica</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>riferimento</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>rettifica</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>credito</translation>
    </message>
    <message>
        <source>customer {code} already exists</source>
        <translation>il cliente {code} esiste già</translation>
    </message>
    <message>
        <source>customer {code} already has a service named {name!r}</source>
        <translation>il cliente {code} ha già un servizio chiamato {name!r}</translation>
    </message>
    <message>
        <source>customer {code}</source>
        <translation>il cliente {code}</translation>
    </message>
    <message>
        <source>{request} has not been charged</source>
        <translation>{request} non è stata addebitata</translation>
    </message>
    <message>
        <source>the stored document {document} does not match its SHA-256: it was changed after it was stored</source>
        <translation>il documento archiviato {document} non corrisponde al suo SHA-256: è stato modificato dopo l&apos;archiviazione</translation>
    </message>
    <message>
        <source>unknown credit note: {reference}</source>
        <translation>nota di credito inesistente: {reference}</translation>
    </message>
    <message>
        <source>refund net amount</source>
        <translation>imponibile dello storno</translation>
    </message>
    <message>
        <source>cannot sort by {key!r}; one of: {choices}</source>
        <translation>impossibile ordinare per {key!r}; uno tra: {choices}</translation>
    </message>
    <message>
        <source>the search is too long ({length} characters, at most {max_len})</source>
        <translation>la ricerca è troppo lunga ({length} caratteri, al massimo {max_len})</translation>
    </message>
    <message>
        <source>run the credit procedure&apos;s sweep</source>
        <translation>eseguire i passi della procedura di credito esaurito</translation>
    </message>
    <message>
        <source>{user} (technician) may send quotes up to {limit} net; this one is {net}: a team lead must send it (submit it for approval)</source>
        <translation>{user} (tecnico) può inviare preventivi fino a {limit} di imponibile; questo è di {net}: deve inviarlo un team leader (invialo in approvazione)</translation>
    </message>
    <message>
        <source>the search contains control characters</source>
        <translation>la ricerca contiene caratteri di controllo</translation>
    </message>
    <message>
        <source>profile name</source>
        <translation>nome del profilo</translation>
    </message>
    <message>
        <source>host</source>
        <translation>host</translation>
    </message>
    <message>
        <source>database name</source>
        <translation>nome del database</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>cartella</translation>
    </message>
    <message>
        <source>an item code may hold letters, digits, - _ . only: {code!r}</source>
        <translation>il codice di una voce può contenere solo lettere, cifre, - _ .: {code!r}</translation>
    </message>
    <message>
        <source>the unit must be fixed or hour: {unit!r}</source>
        <translation>l&apos;unità deve essere fixed o hour: {unit!r}</translation>
    </message>
    <message>
        <source>unknown catalogue item: {code}</source>
        <translation>voce di listino sconosciuta: {code}</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prezzo</translation>
    </message>
    <message>
        <source>nothing to change: give a description, price, unit or category</source>
        <translation>niente da modificare: indica una descrizione, un prezzo, un&apos;unità o una categoria</translation>
    </message>
    <message>
        <source>the catalogue already has an item {code}</source>
        <translation>il listino ha già una voce {code}</translation>
    </message>
    <message>
        <source>catalogue item {code}</source>
        <translation>la voce di listino {code}</translation>
    </message>
    <message>
        <source>catalogue item {code} is already retired</source>
        <translation>la voce di listino {code} è già ritirata</translation>
    </message>
    <message>
        <source>catalogue item {code} is retired: it can no longer be put on a quote</source>
        <translation>la voce di listino {code} è ritirata: non può più essere inserita in un preventivo</translation>
    </message>
    <message>
        <source>{user} (technician) may not price {code} below its list price {price}</source>
        <translation>{user} (tecnico) non può prezzare {code} sotto il prezzo di listino {price}</translation>
    </message>
    <message>
        <source>item code</source>
        <translation>codice della voce</translation>
    </message>
    <message>
        <source>search</source>
        <translation>ricerca</translation>
    </message>
    <message>
        <source>unknown customer field: {field}</source>
        <translation>campo del cliente sconosciuto: {field}</translation>
    </message>
    <message>
        <source>billing must be hourly or monthly: {billing!r}</source>
        <translation>la fatturazione è oraria (hourly) o mensile (monthly): {billing!r}</translation>
    </message>
    <message>
        <source>a service billed by the hour has no paid period: --paid-until is for monthly ones</source>
        <translation>un servizio a consumo orario non ha un periodo pagato: --paid-until è per quelli mensili</translation>
    </message>
    <message>
        <source>a monthly service needs the last day paid (--paid-until)</source>
        <translation>un servizio mensile richiede l&apos;ultimo giorno pagato (--paid-until)</translation>
    </message>
    <message>
        <source>the control panel may not change a customer&apos;s email or low-credit alert</source>
        <translation>il pannello di controllo non può cambiare l&apos;email o la soglia di avviso di credito basso di un cliente</translation>
    </message>
    <message>
        <source>customer {code} has no service named {name!r}</source>
        <translation>il cliente {code} non ha un servizio di nome {name!r}</translation>
    </message>
    <message>
        <source>service {name!r} was deleted</source>
        <translation>il servizio {name!r} è stato cancellato</translation>
    </message>
    <message>
        <source>the documents of {number} wait for customer {customer}&apos;s fiscal data: rit-desk customers set {customer} {flags}; its number stays {number}</source>
        <translation>i documenti di {number} attendono i dati fiscali del cliente {customer}: rit-desk customers set {customer} {flags}; il numero resta {number}</translation>
    </message>
    <message>
        <source>page size must be 1 to 5000 and the offset not negative</source>
        <translation>la pagina deve avere da 1 a 5000 righe e lo scostamento non può essere negativo</translation>
    </message>
    <message>
        <source>a line must be DESCRIPTION;QTY;UNIT_PRICE: {text!r}</source>
        <translation>una riga deve essere DESCRIZIONE;QUANTITÀ;PREZZO_UNITARIO: {text!r}</translation>
    </message>
    <message>
        <source>an item must be CODE or CODE:QTY: {text!r}</source>
        <translation>una voce deve essere CODICE o CODICE:QTÀ: {text!r}</translation>
    </message>
    <message>
        <source>the validity date {valid_until} is in the past</source>
        <translation>la data di validità {valid_until} è nel passato</translation>
    </message>
    <message>
        <source>the validity date is more than a year away</source>
        <translation>la data di validità è a più di un anno da oggi</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>note</translation>
    </message>
    <message>
        <source>an hourly quote has a rate and estimated hours, not lines</source>
        <translation>un preventivo a consumo orario ha una tariffa e le ore stimate, non righe</translation>
    </message>
    <message>
        <source>an hourly quote needs an hourly rate</source>
        <translation>un preventivo a consumo orario richiede la tariffa oraria</translation>
    </message>
    <message>
        <source>an hourly quote needs the estimated hours</source>
        <translation>un preventivo a consumo orario richiede le ore stimate</translation>
    </message>
    <message>
        <source>hourly rate</source>
        <translation>tariffa oraria</translation>
    </message>
    <message>
        <source>the indicative net total must not exceed 1,000,000.00: {net}</source>
        <translation>l&apos;imponibile indicativo non può superare € 1.000.000,00: {net}</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>preventivo</translation>
    </message>
    <message>
        <source>quote {quote} awaits a team lead&apos;s approval and cannot be changed now</source>
        <translation>il preventivo {quote} attende l&apos;approvazione di un team leader e ora non può essere modificato</translation>
    </message>
    <message>
        <source>quote {quote} is {quote_state}: only a quote submitted for approval can be approved or returned</source>
        <translation>il preventivo {quote} è {quote_state}: si approva o si restituisce solo un preventivo inviato in approvazione</translation>
    </message>
    <message>
        <source>the validity date {valid_until} is in the past: edit the draft</source>
        <translation>la data di validità {valid_until} è nel passato: modifica la bozza</translation>
    </message>
    <message>
        <source>quote kind must be fixed or hourly: {kind!r}</source>
        <translation>il tipo di preventivo deve essere fixed o hourly: {kind!r}</translation>
    </message>
    <message>
        <source>a fixed-price quote needs at least one line</source>
        <translation>un preventivo a corpo richiede almeno una riga</translation>
    </message>
    <message>
        <source>a quote has at most {max_lines} lines</source>
        <translation>un preventivo ha al massimo {max_lines} righe</translation>
    </message>
    <message>
        <source>the quote&apos;s net total must not exceed 1,000,000.00: {net}</source>
        <translation>l&apos;imponibile del preventivo non può superare € 1.000.000,00: {net}</translation>
    </message>
    <message>
        <source>unknown quote: {quote_id}</source>
        <translation>preventivo inesistente: {quote_id}</translation>
    </message>
    <message>
        <source>line {index} description</source>
        <translation>descrizione della riga {index}</translation>
    </message>
    <message>
        <source>line {index} quantity</source>
        <translation>quantità della riga {index}</translation>
    </message>
    <message>
        <source>line {index} unit price</source>
        <translation>prezzo unitario della riga {index}</translation>
    </message>
    <message>
        <source>{request} has a quote awaiting a team lead&apos;s approval ({quote})</source>
        <translation>{request} ha un preventivo in attesa dell&apos;approvazione di un team leader ({quote})</translation>
    </message>
    <message>
        <source>quote {quote} needs no approval ({net} net, within the send limit of {limit} for {user}): send it</source>
        <translation>il preventivo {quote} non richiede approvazione ({net} di imponibile, entro il limite di invio di {limit} per {user}): invialo</translation>
    </message>
    <message>
        <source>request {request}</source>
        <translation>la richiesta {request}</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>oggetto</translation>
    </message>
    <message>
        <source>description</source>
        <translation>descrizione</translation>
    </message>
    <message>
        <source>unknown category {value!r}; one of: {choices}</source>
        <translation>categoria sconosciuta {value!r}; una tra: {choices}</translation>
    </message>
    <message>
        <source>unknown priority {value!r}; one of: {choices}</source>
        <translation>priorità sconosciuta {value!r}; una tra: {choices}</translation>
    </message>
    <message>
        <source>customer {code} has no service named {service!r}</source>
        <translation>il cliente {code} non ha un servizio chiamato {service!r}</translation>
    </message>
    <message>
        <source>{to} ({role}) cannot work on requests</source>
        <translation>{to} ({role}) non può lavorare sulle richieste</translation>
    </message>
    <message>
        <source>unknown setting: {key}</source>
        <translation>impostazione sconosciuta: {key}</translation>
    </message>
    <message>
        <source>{key} is too long</source>
        <translation>{key} è troppo lungo</translation>
    </message>
    <message>
        <source>technician send limit</source>
        <translation>limite di invio dei tecnici</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nome utente</translation>
    </message>
    <message>
        <source>username may hold letters, digits, - _ . only: {username!r}</source>
        <translation>il nome utente può contenere solo lettere, cifre, - _ .: {username!r}</translation>
    </message>
    <message>
        <source>a password is 1 to 200 characters, without control characters</source>
        <translation>una password ha da 1 a 200 caratteri, senza caratteri di controllo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nome</translation>
    </message>
    <message>
        <source>the embedded database has no logins and no passwords</source>
        <translation>il database integrato non ha accessi né password</translation>
    </message>
    <message>
        <source>unknown role {role!r}; one of: {choices}</source>
        <translation>ruolo sconosciuto {role!r}; uno tra: {choices}</translation>
    </message>
    <message>
        <source>user {username} already exists</source>
        <translation>l&apos;utente {username} esiste già</translation>
    </message>
    <message>
        <source>variation amount</source>
        <translation>importo della variazione</translation>
    </message>
    <message>
        <source>variation</source>
        <translation>variazione</translation>
    </message>
    <message>
        <source>the work date {work_date} is in the future</source>
        <translation>la data del lavoro {work_date} è nel futuro</translation>
    </message>
    <message>
        <source>the work date {work_date} is more than a year ago</source>
        <translation>la data del lavoro {work_date} è di più di un anno fa</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>work entry</source>
        <translation>registrazione di lavoro</translation>
    </message>
    <message>
        <source>the connection to {database} was lost while saving: the change may have been saved or not; reload and check before saving again ({detail})</source>
        <translation>la connessione a {database} si è interrotta durante il salvataggio: la modifica potrebbe essere stata salvata oppure no; ricarica e controlla prima di salvare di nuovo ({detail})</translation>
    </message>
    <message>
        <source>{request} has work logged: ask the technical department to cancel it</source>
        <translation>la richiesta {request} ha lavoro registrato: chiedi al reparto tecnico di annullarla</translation>
    </message>
    <message>
        <source>withdraw variations</source>
        <translation>ritirare variazioni</translation>
    </message>
    <message>
        <source>cancel accepted requests</source>
        <translation>annullare richieste accettate</translation>
    </message>
    <message>
        <source>relieved of a variation</source>
        <translation>vedersi ritirare una variazione</translation>
    </message>
    <message>
        <source>quote {quote} is {quote_state}: only a sent quote awaiting the customer&apos;s answer can be extended</source>
        <translation>il preventivo {quote} è {quote_state}: si può prorogare solo un preventivo inviato in attesa della risposta del cliente</translation>
    </message>
    <message>
        <source>the new validity date {new} must be after the quote&apos;s own ({valid_until})</source>
        <translation>la nuova data di validità {new} deve essere successiva a quella del preventivo ({valid_until})</translation>
    </message>
    <message>
        <source>{quote} cannot be extended while a newer draft of its request is open: send or delete that draft</source>
        <translation>il preventivo {quote} non si può prorogare mentre la sua richiesta ha una bozza più recente aperta: inviala o eliminala</translation>
    </message>
    <message>
        <source>see and retry the delivery of notices</source>
        <translation>vedere e ritentare l&apos;invio degli avvisi</translation>
    </message>
    <message>
        <source>not a valid email address: {value!r}</source>
        <translation>indirizzo email non valido: {value!r}</translation>
    </message>
    <message>
        <source>nothing to change for {code}</source>
        <translation>niente da cambiare per {code}</translation>
    </message>
    <message>
        <source>customer {code} has no email address</source>
        <translation>il cliente {code} non ha un indirizzo email</translation>
    </message>
    <message>
        <source>a delivery state is pending, sent or failed: {state}</source>
        <translation>lo stato di invio è pending, sent o failed: {state}</translation>
    </message>
    <message>
        <source>the document of notice {notice} is not stored yet</source>
        <translation>il documento dell&apos;avviso {notice} non è ancora archiviato</translation>
    </message>
    <message>
        <source>unknown notice: {notice}</source>
        <translation>avviso sconosciuto: {notice}</translation>
    </message>
    <message>
        <source>notice {notice} is {state}: only a failed or pending notice is retried</source>
        <translation>l&apos;avviso {notice} è {state}: si ritenta solo un avviso non inviato o in attesa</translation>
    </message>
    <message>
        <source>{key} is yes or no</source>
        <translation>{key} è yes o no</translation>
    </message>
    <message>
        <source>low-credit alert</source>
        <translation>avviso di credito basso</translation>
    </message>
    <message>
        <source>{request} is not assigned to anyone already</source>
        <translation>{request} è già senza assegnatario</translation>
    </message>
    <message>
        <source>{request} is already assigned to {to}</source>
        <translation>{request} è già assegnata a {to}</translation>
    </message>
    <message>
        <source>{login} may not store the document of {request}: only the worker stores documents</source>
        <translation>{login} non può archiviare il documento di {request}: solo il worker archivia i documenti</translation>
    </message>
    <message>
        <source>the worker writes only the events of its jobs, not {action}</source>
        <translation>il worker scrive solo gli eventi dei propri compiti, non {action}</translation>
    </message>
    <message>
        <source>the worker tells only the notices of its jobs, not {kind}</source>
        <translation>il worker invia solo gli avvisi dei propri compiti, non {kind}</translation>
    </message>
    <message>
        <source>the document {document} is being prepared: the worker renders and stores it</source>
        <translation>il documento {document} è in preparazione: il worker lo genera e lo archivia</translation>
    </message>
    <message>
        <source>the worker runs as its own login (made by init --worker LOGIN) or as trusted maintenance; {login} is a staff or control panel login</source>
        <translation>il worker si collega con il proprio login (creato con init --worker LOGIN) o come manutenzione fidata; {login} è un login del personale o del pannello di controllo</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>{login} may not store a document: only the worker stores documents</source>
        <translation>{login} non può archiviare un documento: solo il worker archivia i documenti</translation>
    </message>
    <message>
        <source>the document {document} is still being prepared after {seconds} s: is the worker running (rit-desk worker)?</source>
        <translation>il documento {document} è ancora in preparazione dopo {seconds} s: il worker è in funzione (rit-desk worker)?</translation>
    </message>
    <message>
        <source>no invoice can be issued while the company&apos;s legal data are incomplete: set {settings} (rit-desk settings set KEY VALUE); nothing was recorded</source>
        <translation>nessuna fattura può essere emessa finché i dati legali della società sono incompleti: impostare {settings} (rit-desk settings set CHIAVE VALORE); non è stato registrato nulla</translation>
    </message>
    <message>
        <source>{login} may not store an invoice&apos;s files: only the worker does</source>
        <translation>{login} non può archiviare i file di una fattura: lo fa solo il worker</translation>
    </message>
    <message>
        <source>the documents of {number} are not made yet: the worker makes them shortly</source>
        <translation>i documenti di {number} non sono ancora pronti: il worker li prepara a breve</translation>
    </message>
    <message>
        <source>not an invoice or credit note number: {value!r} (e.g. FT 2026/000001, NC 2026/000004)</source>
        <translation>non è un numero di fattura o nota di credito: {value!r} (es. FT 2026/000001, NC 2026/000004)</translation>
    </message>
    <message>
        <source>the period ends ({end}) before it starts ({start})</source>
        <translation>il periodo finisce ({end}) prima di iniziare ({start})</translation>
    </message>
    <message>
        <source>unknown invoice or credit note: {number}</source>
        <translation>fattura o nota di credito sconosciuta: {number}</translation>
    </message>
    <message>
        <source>not a month (YYYY-MM): {value!r}</source>
        <translation>non è un mese (AAAA-MM): {value!r}</translation>
    </message>
    <message>
        <source>the VAT point cannot change: charges or top-ups were already recorded under {point}</source>
        <translation>il momento dell&apos;IVA non può cambiare: sono già stati registrati addebiti o ricariche con {point}</translation>
    </message>
    <message>
        <source>the VAT point is topup or charge, not {value}</source>
        <translation>il momento dell&apos;IVA è topup (alla ricarica) o charge (all&apos;addebito), non {value}</translation>
    </message>
    <message>
        <source>a quote at 0 % VAT must state its nature ({codes})</source>
        <translation>un preventivo con IVA 0 % deve indicarne la natura ({codes})</translation>
    </message>
    <message>
        <source>unknown nature {code}: one of {codes}</source>
        <translation>natura {code} sconosciuta: una tra {codes}</translation>
    </message>
    <message>
        <source>the legal reference is longer than {n} characters</source>
        <translation>il riferimento normativo supera {n} caratteri</translation>
    </message>
    <message>
        <source>the legal reference contains control characters</source>
        <translation>il riferimento normativo contiene caratteri di controllo</translation>
    </message>
    <message>
        <source>a nature (and its legal reference) is stated only for a quote at 0 % VAT</source>
        <translation>la natura (e il suo riferimento normativo) si indica solo per un preventivo con IVA 0 %</translation>
    </message>
    <message>
        <source>{request} has no work logged: cancel it without --charge-work</source>
        <translation>{request} non ha lavoro registrato: annullala senza addebitare il lavoro</translation>
    </message>
    <message>
        <source>{request} is fixed-price with no agreed variation: cancel it without --charge-work, or agree a variation first</source>
        <translation>{request} è a corpo senza una variazione concordata: annullala senza addebitare il lavoro, oppure concorda prima una variazione</translation>
    </message>
</context>
</TS>
