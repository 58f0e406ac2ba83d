"""Ordinary English words that never start or continue a name found by the name heuristics."""

from __future__ import annotations

__all__ = ["BASIC_WORDS", "COMMON_WORDS"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words, frequent verbs and mail/ticket vocabulary: never part of a name, even after a
# given name ("john will", "anna said").
BASIC_WORDS = _words(
    """
    a able about above account add address admin after again against all allow already also am
    an and any appear are as ask asked at attn back bad bcc be because been before began begin
    being believe below best between big both bring build but buy by call called came can cannot
    card cc change cheers come consider continue could create customer cut data dear debug
    decide did die different do does doing down dr during each early email emailed error even
    everyone expect fall false feel few file find first follow for found from further fw fwd
    gave get gets give go goes good got great grow had happen has have having he hello help her
    here hers herself hey hi high him himself his how i id if important in include info into
    invoice is issue it its itself just keep kill knew know large last lead learn leave left let
    like liked likes little live lived lives long lose love madam made make may me meet might
    more most move mr mrs ms must my myself name need needs new next no none nor not now null
    number of off offer ok okay old on once only open or order other our ours out over own pass
    pay payment per phone please prof provide public pull raise re reach read refund regards
    remain remember replied report reported request require response right run said same saw
    says see seem sell send sent serve set she should show sir sit small so some speak spend
    stand start status stay still stop subject such suggest support take talk team tell than
    thank thanks that the their theirs them then there these they think this those thought
    through ticket to today told tomorrow too took tried true try turn under understand until up
    update use used user using very via wait walk want wanted wants warning was watch way we
    well went were what when where which while who whom why will win with work worked working
    works would write wrote yes yesterday you young your yours yourself
    """
)

# The ~4,000 most frequent English words (frequency order from wordfreq, kept when a dictionary
# lists them in lower case, so John and Paris stay out), and the basic words.
COMMON_WORDS = BASIC_WORDS | _words(
    """
    a abandoned ability able about above abroad absence absolute absolutely abuse academic
    academy accept accepted access accident according account accounting accounts accurate
    accused achieve achieved achievement acid acquired across act acting action actions active
    activities activity actor actors actress acts actual actually ad add added adding addition
    additional address adds admin administration administrative admit admitted adopted ads adult
    adults advance advanced advantage adventure advertising advice affair affairs affect
    affected afford afraid after afternoon afterwards again against age aged agencies agency
    agenda agent agents ages aggressive ago agree agreed agreement agricultural agriculture ah
    ahead aid aim air aircraft airport album alcohol alert alien alive all alleged alliance
    allow allowed allowing allows almost alone along alongside already alright also alternative
    although always am amazing amazon ambassador amendment among amongst amount amounts an
    analysis ancient and android angel anger angle angry animal animals anniversary announced
    announcement annoying annual another answer answered answers anti anxiety any anybody
    anymore anyone anything anyway anywhere apart apartment app apparent apparently appeal
    appear appearance appeared appears apple application applications applied apply appointed
    appointment appreciate approach appropriate approval approved approximately apps
    architecture are area areas arena argue argued argument arguments arm armed arms army around
    arranged arrest arrested arrival arrive arrived arsenal art article articles artist artists
    arts as aside ask asked asking asks asleep aspect aspects ass assault assembly assessment
    assets asshole assigned assist assistance assistant associate associated association assume
    assumed at ate athletes atmosphere attached attack attacked attacking attacks attempt
    attempted attempts attend attended attending attention attitude attn attorney attracted
    attractive audience audio august author authorities authority authors auto automatic
    automatically available avenue average avoid award awarded awards aware awareness away
    awesome awful awkward b babies baby back background bad badly bag bags balance ball balls
    ban band bands bang bank banking banks banned bar barely bars base baseball based basic
    basically basis basketball bat bath bathroom battery battle bay bcc be beach bear bears
    beast beat beating beautiful beauty became because become becomes becoming bed bedroom beef
    been beer before began begin beginning begins begun behalf behavior behind being belief
    believe believed believes bell belong below belt bench benefit benefits besides best bet
    better between beyond bible bid big bigger biggest bike bill billion bills billy biological
    bird birds birth birthday bishop bit bitch bite black blame blast blind block blocked blocks
    blog blood blow blue blues board boards boat bob bodies body bomb bond bone bones bonus book
    books boom boost boots border boring born boss both bother bottle bottom bought bound bow
    bowl box boxes boy boyfriend boys brain branch brand brands brave bread break breakfast
    breaking breaks breast breath bridge brief bright brilliant bring bringing brings broad
    broadcast broke broken brother brothers brought brown buddy budget build building buildings
    built bull bullshit bunch bureau buried burn burned burning bus bush business businesses
    busy but butter button buy buying by bye c ca cabinet cable cake calendar call called
    calling calls calm came camera cameras camp campaign campus can cancer candidate candidates
    candy cannot cant cap capable capacity cape capital captain capture captured car carbon card
    cards care career careful carefully cares carried carrier carry carrying cars case cases
    cash cast castle cat catch categories category catholic cats caught cause caused causes
    causing cc celebrate celebration celebrity cell cells cent center centers central cents
    centuries century ceremony certain certainly certificate chain chair chairman challenge
    challenges chamber champion champions championship chance chances change changed changes
    changing channel channels chapter character characters charge charged charges charity chart
    chase chat cheap check checked checking checks cheers cheese chemical chemistry chest
    chicken chief child childhood children china chip chocolate choice choices choose chose
    chosen church circle circuit circumstances cited cities citizen citizens city civil claim
    claimed claiming claims class classes classic clay clean cleaning clear clearly click client
    clients climate clinical clock close closed closely closer closing clothes clothing cloud
    club clubs coach coaching coal coast coat code coffee cold colleagues collect collected
    collection collective college colonel color colors column combat combination combined come
    comedy comes comfort comfortable comic coming command commander comment comments commerce
    commercial commission commissioner commit commitment committed committee common commonly
    commonwealth communication communications communist communities community companies company
    compare compared comparison compensation compete competition competitive complaint complete
    completed completely complex complicated component components composition comprehensive
    computer computers concept concern concerned concerning concerns concert concluded
    conclusion concrete condition conditions conduct conducted conference confidence confident
    confirm confirmed conflict confused congratulations congress connect connected connection
    connections consent consequences conservation conservative consider considered considering
    consistent consists constant constantly constitution constitutional constructed construction
    consumer consumers consumption contact contain contained containing contains contemporary
    content contest context continue continued continues continuing contract contracts contrast
    contribute contributed contribution contributions control controlled controls convention
    conversation conversations convinced cook cooking cool cooperation cop copies cops copy core
    corner corporate corporation correct corruption cost costs cotton could council count
    counter countries country county couple couples courage course courses court courts cousin
    cover coverage covered covering covers crack craft crap crash crazy cream create created
    creating creation creative credit creek crew cricket crime crimes criminal crisis critical
    criticism critics cross crossed crossing crowd crown cry crying crystal cultural culture cup
    cure curious currency current currently custom customer customers cut cute cuts cutting
    cycle d dad daddy daily damage damaged damn dance dancing danger dangerous dare dark
    darkness data database date dated dates dating daughter day days dead deal dealing deals
    dean dear death deaths debate debt debug debut decade decades decent decide decided decision
    decisions deck declared decline dedicated deep deeper deeply default defeat defend defending
    defense defensive define defined definitely definition degree degrees delay delicious
    deliver delivered delivery demand demands democracy democratic democrats denied density deny
    department depending depends depression depth deputy derived describe described describes
    description desert deserve deserves design designed designer designs desire desk desperate
    despite destroy destroyed destruction detail detailed details determine determined develop
    developed developing development device devices devil dialogue diamond dick did die died
    dies diet difference differences different difficult difficulty digital dinner direct
    directed direction directly director directors dirty disabled disappointed disaster discount
    discover discovered discovery discrimination discuss discussed discussion disease diseases
    disorder display distance distinct distributed distribution district districts diversity
    divided division divorce do doc doctor doctors document documentary documents does dog dogs
    doing dollar dollars domain domestic don done door doors double doubt down download downtown
    dozen dr draft drag dragon drama dramatic draw drawing drawn dream dreams dress dressed drew
    drink drinking drinks drive driven driver drivers driving drop dropped dropping drops drove
    drug drugs drunk dry dude due duke dumb during dust duties duty dying dynamic e each ear
    earlier early earn earned ears earth ease easier easily east eastern easy eat eating
    economic economics economy ed edge edit edited edition editor educated education educational
    effect effective effectively effects efficiency efficient effort efforts egg eggs eight
    either elected election elections electric electrical electricity electronic element
    elementary elements eligible elite else elsewhere em email emailed emergency emotional
    emotions empire employed employee employees employment empty enable encourage encouraged end
    ended ending ends enemies enemy energy enforcement engage engaged engagement engine engineer
    engineering engineers engines enjoy enjoyed enjoying enough ensure enter entered entering
    enterprise entertainment entire entirely entitled entrance entry environment environmental
    epic episode episodes equal equally equipment equity equivalent era error escape especially
    essential essentially establish established establishment estate estimate estimated
    estimates etc ethnic eve even evening event events eventually ever every everybody everyday
    everyone everything everywhere evidence evil evolution ex exact exactly example examples
    excellent except exception exchange excited exciting exclusive excuse execution executive
    exercise exhibition exist existed existence existing exists exit expand expansion expect
    expectations expected expecting expenses expensive experience experienced experiences
    experiment expert experts explain explained explains explanation explore exposed exposure
    express expressed expression extend extended extension extensive extent external extra
    extraordinary extreme extremely eye eyes f face faced faces facilities facility facing fact
    factor factors factory facts faculty fail failed failing failure fair fairly faith fake fall
    fallen falling falls false fame familiar families family famous fan fancy fans fantastic
    fantasy far farm farmers fashion fast faster fat fate father fault favor favorite fear
    feature featured features featuring fed federal fee feed feedback feel feeling feelings
    feels fees feet fell fellow felt female females festival few fewer fiction field fields
    fifth fifty fight fighter fighting figure figured figures file filed files fill filled film
    films final finally finals finance financial find finding findings finds fine finger fingers
    finish finished finishing fire fired firm firms first fish fishing fit fitness five fix
    fixed flag flash flat fleet flight flood floor flow flower flowers fly flying focus focused
    folks follow followed followers following follows food foods fool foot footage football for
    force forced forces ford foreign forest forever forget forgot forgotten form formal format
    formation formed former forms formula fort forth fortune forum forward foster fought found
    foundation founded founder four fourth fox frame framework franchise frank fraud free
    freedom french frequency frequently fresh friend friendly friends friendship from front
    frozen fruit ft fuck fucked fucking fuel full fully fun function functions fund fundamental
    funded funding funds funeral funny furniture further future fw fwd g gain gained gallery
    game games gaming gang gap garden gas gate gates gave gay gear gen gender gene general
    generally generated generation generations genetic genius genuine get gets getting ghost
    giant giants gift gifts girl girlfriend girls give given gives giving glad glass glasses
    global glory go goal goals god gods goes going gold golden golf gone gonna good goodbye
    goods google gorgeous got gotta gotten government governments governor grab grace grade
    graduate grand grant granted grass grateful grave gray great greater greatest greatly green
    grew grey gross ground grounds group groups grow growing grown growth guarantee guaranteed
    guard guards guess guest guests guidance guide guilty guitar gun guns guy guys gym h ha had
    hair half hall hand handed handle handling hands hang hanging happen happened happening
    happens happiness happy hard harder hardly hardware harm has hat hate have having he head
    headed heading headquarters heads health healthcare healthy hear heard hearing heart hearts
    heat heaven heavily heavy height held hell hello help helped helpful helping helps hence her
    here heritage hero heroes hers herself hey hi hidden hide hiding high higher highest highly
    highway hill hills him himself hip hire hired his historic historical history hit hits
    hitting hockey hold holding holds hole holes holiday holy home homes honest honestly honey
    honor hook hop hope hopefully hopes hoping horrible horror horse horses hospital hospitals
    host hot hotel hour hours house household houses housing how however huge human humanity
    humans hundred hundreds hungry hunt hunter hunting hurt hurts husband i ice id idea ideal
    ideas identified identify identity idiot if ignore ii iii ill illegal illness image images
    imagine immediate immediately immigrants immigration impact implementation importance
    important impossible impressed impression impressive improve improved improvement improving
    in inc inch inches incident include included includes including income increase increased
    increases increasing increasingly incredible incredibly indeed independence independent
    index indicate indicated individual individuals industrial industries industry infection
    influence info information informed infrastructure initial initially initiative injured
    injuries injury inner innocent innovation input insane inside inspiration inspired installed
    instance instant instead institute institution institutions instructions instruments
    insurance integrated intellectual intelligence intelligent intended intense intention
    interaction interest interested interesting interests interior internal international
    internet interview interviews into introduce introduced introduction invest investigate
    investigation investment investors invite invited invoice involved involvement involves
    involving iron is island islands issue issued issues it item items its itself iv j jack
    jacket jail japan jay jazz jersey jet jimmy job jobs join joined joining joint joke jokes
    josh journal journalist journalists journey joy judge judges juice jump junior jury just
    justice k keep keeping keeps kept key keys kick kicked kid kids kill killed killer killing
    kills kind kinda kinds king kingdom kings kiss kit kitchen km knee knew knife knock know
    knowing knowledge known knows l la lab label labor laboratory lack ladies lady laid lake
    land landing lands landscape lane language languages large largely larger largest last late
    lately later latest latter laugh laughing launch launched law laws lawyer lawyers lay layer
    lead leader leaders leadership leading leads league learn learned learning least leather
    leave leaves leaving led lee left leg legacy legal legend legislation legislative legs
    length less lesson lessons let lets letter letters letting level levels liberal liberty
    library license lie lies lieutenant life lifestyle lifetime lift light lighting lights like
    liked likely likes limit limited limits line lines link linked links lips liquid list listed
    listen listening listing lists literally literary literature little live lived lives living
    load loan loans local located location locations lock locked log logic long longer look
    looked looking looks loop loose lord lose losing loss losses lost lot lots loud love loved
    lovely loves loving low lower lowest luck lucky lunch luxury lying lyrics m ma machine
    machines mad madam made magazine magic mail main mainly maintain maintained maintenance
    major majority make makes makeup making male mall man manage managed management manager
    managers managing manner manual manufacturers manufacturing many map maps march marine mark
    marked market marketing markets marks marriage married marry mask mass massive master
    masters match matches mate material materials math matt matter matters max maximum may maybe
    mayor me meal mean meaning means meant meanwhile measure measures meat mechanical medal
    media medical medicine medium meet meeting meetings meets member members membership memorial
    memories memory men mental mention mentioned merely mess message messages met metal method
    methods mi mid middle midnight might mike mile miles military milk mill miller million
    millions min mind minds mine mini minimum mining minister ministers ministry minor minority
    minute minutes mirror miss missed missing mission mistake mistakes mix mixed mm mo mobile
    mode model models modern mom moment moments money monitor monitoring monster month monthly
    months mood moon moral more morning mortgage most mostly mother mothers motion motor mount
    mountain mountains mouse mouth move moved movement movements moves movie movies moving mr
    mrs ms much multi multiple mum murder murdered muscle museum music musical must my myself
    mystery n naked name named names narrative narrow nation national nations native natural
    naturally nature navy near nearby nearly necessarily necessary neck need needed needs
    negative neighborhood neither nervous net network networks never new newly news newspaper
    next nice nick night nights nine no nobody noise non none nor normal normally north northern
    nose not note noted notes nothing notice noticed novel now nowhere nuclear null number
    numbers numerous nurse nursing nuts o object objective objects observed obtain obtained
    obvious obviously occasion occasionally occupied occur occurred occurs ocean odd of off
    offensive offer offered offering offers office officer officers offices official officially
    officials often oh oil ok okay old older on once one ones ongoing online only onto op open
    opened opening opens operate operated operating operation operations operator opinion
    opinions opportunities opportunity opposed opposite opposition option options or orange
    order ordered orders ordinary organic organization organizations organized origin original
    originally other others otherwise ought our ours ourselves out outcome output outside
    outstanding over overall overseas own owned owner owners ownership oxford p pa pace pacific
    pack package packed page pages paid pain painful paint painted painting pair palace pan
    panel pants paper papers parent parents park parking parks parliament part participants
    participate participation particular particularly parties partly partner partners
    partnership parts party pass passed passenger passengers passes passing passion past path
    patient patients pattern patterns pay paying payment payments peace peak pen penalty people
    per percent percentage perfect perfectly perform performance performances performed
    performing perhaps period periods permanent permission person personal personality
    personally personnel persons perspective pet petition phase philosophy phone phones photo
    photographs photography photos phrase physical physically physics piano pick picked picking
    picture pictures piece pieces pilot pink pitch pizza place placed places plain plan plane
    planet planned planning plans plant plants plastic plate platform play played player players
    playing plays please pleased pleasure plenty plot plus pocket poetry point pointed points
    police policies policy polish political politicians politics poll pool poor pop pope popular
    population porn port portion position positions positive possession possibility possible
    possibly post posted posting posts pot potential potentially pound pounds poverty power
    powerful powers pp practical practice practices praise pray prayer precious prefer preferred
    pregnancy pregnant premier premium preparation prepare prepared preparing presence present
    presentation presented presents president presidential press pressure pretend pretty prevent
    previous previously price prices pride priest primarily primary prime prince princess
    principal principle principles print printed prior priority prison prisoners privacy private
    prize pro probably problem problems procedure procedures process processes processing
    produce produced producer producers producing product production products prof professional
    professor profile profit profits program programme programming programs progress progressive
    project projects prominent promise promised promote promotion proof proper properly
    properties property proposal proposed protect protected protecting protection protein
    protest proud prove proved proven provide provided provides providing province psychology
    public publication published publishing pull pulled pulling punch punishment purchase
    purchased pure purple purpose purposes push pushed pushing put puts putting q qualified
    quality quarter queen question questions quick quickly quiet quit quite quote r race races
    racial racing racist radical radio rail railroad railway rain raise raised raising rally ran
    random range rank ranked rape rapid rapidly rare rarely rate rated rates rather rating ratio
    raw ray re reach reached reaching reaction read reader readers reading ready real reality
    realize realized really rear reason reasonable reasons recall receive received receiving
    recent recently recognition recognize recognized recommend recommendations recommended
    record recorded recording records recover recovery red reduce reduced reducing reduction
    refer reference references referred referring reflect reform refund refuse refused regard
    regarded regarding regardless regards regime region regional regions register registered
    registration regret regular regularly regulation regulations rejected related relation
    relations relationship relationships relative relatively relax release released releases
    relevant reliable relief religion religious rely remain remained remaining remains
    remarkable remember remembered remind remote removal remove removed rent rep repair repeat
    replace replaced replacement replied reply report reported reporter reporting reports
    represent representation representative representatives represented representing represents
    republic republican republicans reputation request requested require required requirements
    requires rescue research researchers reserve residence resident residential residents
    resistance resolution resort resource resources respect respectively respond response
    responses responsibility responsible rest restaurant restaurants restrictions result
    resulted resulting results retail retired retirement return returned returning returns
    reveal revealed reveals revenue reverse review reviews revolution reward rice rich rick rid
    ride ridiculous riding right rights ring rings rise rising risk risks river rivers road
    roads rob robin rock rocket rocks roger role roles roll rolling roman romance romantic roof
    room rooms root roots rose rough roughly round rounds route routine row royal rugby ruin
    rule ruled rules ruling run running runs rural rush s sacrifice sad safe safety said saint
    sake salary sale sales salt same sample samples sand sat satellite sauce save saved saving
    savings saw say saying says scale scared scary scene scenes schedule scheduled scheme school
    schools science sciences scientific scientists score scored scores scoring screaming screen
    script sea seal search searching season seasons seat seats sec second secondary seconds
    secret secretary secrets section sections sector secure security see seed seeing seek
    seeking seem seemed seems seen sees select selected selection self sell selling semi senate
    senator send sending senior sense sensitive sent sentence separate separated sequence series
    serious seriously serve served server serves service services serving session sessions set
    sets setting settle settled settlement seven several severe sex sexual sexy shadow shake
    shall shame shape shaped share shared shares sharing sharp she sheet shell shield shift ship
    shipping ships shirt shit shock shoes shoot shooting shop shopping shops shore short shortly
    shot shots should shoulder show showed shower showing shown shows shut sick side sides sight
    sign signal signed significant significantly signing signs silence silent silly silver
    similar similarly simple simply sin since sing singer singing single singles sir sister
    sisters sit site sites sitting situation situations six sixth size skill skills skin sky
    slave sleep sleeping slide slightly slow slowly small smaller smart smell smile smith smoke
    smoking smooth snow so soccer social society soft software soil solar sold soldier soldiers
    sole solid solo solution solutions solve some somebody somehow someone something sometimes
    somewhat somewhere son song songs sons soon sorry sort sought soul sound sounds source
    sources south southern soviet space speak speaker speaking speaks special species specific
    specifically speech speed spell spend spending spent spin spirit spiritual split spoke
    spoken sport sports spot spots spread spring squad square stability stable stadium staff
    stage stages stand standard standards standing stands star stars start started starting
    starts state stated statement statements states station stations statistics stats status
    stay stayed staying steady steal steam steel stem step steps stick still stock stolen
    stomach stone stones stood stop stopped stopping stops storage store stores stories storm
    story straight strange strategic strategies strategy stream street streets strength stress
    stretch strike string strip strong stronger strongly struck structure structures struggle
    struggling stuck student students studied studies studio study studying stuff stupid style
    styles sub subject subjects submitted subsequent substantial succeed success successful
    successfully such suck sucks sudden suddenly suffer suffered suffering sufficient sugar
    suggest suggested suggests suicide suit suitable sum summary summer summit sun super
    superior supplies supply support supported supporters supporting supports suppose supposed
    supreme sure surely surface surgery surprise surprised surrounded surrounding survey
    survival survive survived suspect suspended swear sweet swimming swing switch sword symbol
    symptoms system systems t table tables tag tail take taken takes taking tale talent talented
    talk talked talking talks tall tank tape target targets task taste taught tax taxes tea
    teach teacher teachers teaching team teams tear tears tech technical technique techniques
    technologies technology teen teeth telephone television tell telling tells temperature
    temperatures temple temporary ten tend tennis term terminal terms terrible territory
    terrorist test tested testing tests text texts than thank thanks that the theater theatre
    their theirs them theme themselves then theory therapy there therefore these they thick thin
    thing things think thinking thinks third thirty this tho those though thought thoughts
    thousand thousands thread threat threatened three threw throat through throughout throw
    throwing thrown thus ticket tickets tie tied ties tiger tight till time times timing tiny
    tip tips tired tissue title titles to today together toilet told tomorrow ton tone tongue
    tonight tons tony too took tool tools top topic total totally touch touched tough tour
    tournament toward towards tower town towns toy track tracks trade trading tradition
    traditional traffic trail trailer train trained training trans transfer transferred
    transition translation transmission transport transportation trap trash travel treat treated
    treatment treaty tree trees trend trends trial trials trick tried tries trip triple troops
    trouble truck true truly trump trust truth try trying tube turkey turn turned turning turns
    twelve twenty twice twin twitter two type types typical typically u ugly ultimate ultimately
    unable uncle under underground understand understanding understood unfortunately uniform
    union unique unit united units universal universe universities university unknown unless
    unlike unlikely until unusual up upcoming update updated updates upon upper ups upset urban
    us use used useful user users uses using usual usually v vacation valid valley valuable
    value values van variety various vast vehicle vehicles version versions versus very veterans
    via vice victim victims victory video videos view viewed views village violence violent
    virgin virtual virus visible vision visit visited visiting visitors visits visual vital
    voice voices vol volume volunteers vote voted voters votes voting vs w wage wait waiting
    wake wales walk walked walker walking walks wall walls wanna want wanted wanting wants war
    ward warm warning warriors wars was wash waste watch watched watching water waters wave
    waves way ways we weak wealth weapon weapons wear wearing weather web website wedding week
    weekend weekly weeks weight weird welcome welfare well went were west western wet what
    whatever wheel when whenever where whereas whether which while whilst white who whoever
    whole whom whose why wide widely wife wild wildlife will willing win wind window windows
    wine wing wings winner winners winning wins winter wire wisdom wise wish wishes with within
    without witness witnesses wolf woman women won wonder wonderful wondering wood wooden woods
    word words wore work worked worker workers working works world worldwide worried worry worse
    worship worst worth worthy would wounded wow write writer writers writes writing written
    wrong wrote x y yard yards yeah year years yellow yep yes yesterday yet yo you young younger
    your yours yourself youth z zero zone
    """
)
