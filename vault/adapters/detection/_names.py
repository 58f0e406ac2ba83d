"""Given names and surnames, for names that NER misses (lower case, CSV cells, code, lists)."""

from __future__ import annotations

__all__ = ["GIVEN_NAMES", "SURNAMES", "WORDLIKE_NAMES"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# US census given names (public domain) and common international given names, lower case.
GIVEN_NAMES = _words(
    """
    aada aapo aarav aarne aaron abbey abbie abby abdul abdullah abe abebe abel abigail abraham
    abram ada adah adalberto adaline adam adan addie adebayo adela adelaida adelaide adele
    adelia adelina adeline adell adella adelle adena adeola adina adnan adolfo adolph adria
    adrian adriana adriane adrianna adrianne adrien adriene adrienne afonso afton agata agatha
    agnes agnese agnieszka agnus agripina agueda agustin agustina ahmad ahmed ahmet ai aida aide
    aiko aileen ailene aimee aino aisha aisling aja akiko akilah akira aksel al alaina alaine
    alan alana alane alanna alayna alba alban albert alberta albertha albertina albertine
    alberto albina alda alden aldo alease alec alecia aleen aleida aleisha alejandra alejandrina
    alejandro aleksander aleksandr aleksandra aleksei alena alene alenka alesha aleshia alesia
    alessandra alessandro alessia aleta aletha alethea alethia alex alexa alexander alexandra
    alexandria alexei alexia alexis alfonso alfonzo alfred alfreda alfredia alfredo ali alia
    alica alice alicia alida alina aline alisa alise alisha alishia alisia alison alissa alita
    alix aliza alla allan alleen allegra allen allena allene allie alline allison allyn allyson
    alma almeda almeta alois alona alonso alonzo alpha alphonse alphonso alta altagracia altha
    althea alton alva alvaro alvera alverta alvin alvina alyce alycia alysa alyse alysha alysia
    alyson alyssa amada amado amal amalia amanda amber amberly ambrose amee amelia america ami
    amie amiee amina amir amira amit ammie amos amparo amy an ana anabel analisa anamaria
    anastacia anastasia andera anders anderson andra andre andrea andreas andree andrei andrej
    andres andrew andria andrzej andy aneta anette angel angela angele angelena angeles angelia
    angelic angelica angelika angelina angeline angelique angelita angella angelo angelyn angie
    angila angla angle anglea anh anibal anika anisa anisha anissa anita anitra anja anjanette
    anjelica anke ann anna annabel annabell annabelle annalee annalisa annamae annamaria
    annamarie anne anneliese annelle annemarie annett annetta annette annice annie annika annis
    annita annmarie anthony antione antionette antoine antoinette anton antone antonella
    antonetta antonette antonia antonietta antonin antonina antonio antony antwan anya aoife
    apolonia april apryl ara araceli aracelis aracely arcelia archie ardath ardelia ardell
    ardella ardelle arden ardis ardith aretha argelia argentina ariana ariane arianna arianne
    arica arie ariel arielle arjun arla arlean arleen arlen arlena arlene arletha arletta
    arlette arlie arlinda arline arlyne armand armanda armandina armando armida arminda arnaud
    arne arnetta arnette arnita arnold arnoldo arnulfo aron arron art arthur artie arturo arvid
    arvilla asa asger asha ashanti ashely ashlea ashlee ashleigh ashley ashli ashlie ashly
    ashlyn ashton asia asley assunta astrid asuncion athena aubrey audie audra audrea audrey
    audria audrie audry august augusta augustina augustine augustus aundrea aura aurea aurelia
    aurelie aurelio aurora aurore austin autumn ava avelina avery avis avril awilda axel ayaan
    ayako ayana ayanna ayesha ayumi azalee azucena azzie babara babette bailey bambi bao
    baptiste barabara barb barbar barbara barbera barbie barbora barbra bari barney barrett
    barrie barry bart barton bartosz basil basilia bastian bea beata beatrice beatris beatriz
    beau beaulah bebe becki beckie becky bee belen belia belinda belkis bell bella belle belva
    ben benedict benedikt benita benito benjamin bennett bennie benny benoit benton berenice
    berna bernadette bernadine bernard bernarda bernardina bernardine bernardo bernd berneice
    bernetta bernice bernie berniece bernita berry bert berta bertha bertie bertram beryl bess
    bessie beth bethanie bethann bethany bethel betsey betsy bette bettie bettina betty bettyann
    bettye beula beulah bev beverlee beverley beverly bianca bibi bill billi billie billy billye
    birdie birgit birgitta bjorn björn blaine blair blake blanca blanch blanche blondell blossom
    blythe bo bob bobbi bobbie bobby bobbye bobette bogdan bohdan bok bong bonita bonnie bonny
    booker boris boyce boyd bozena brad bradford bradley bradly brady brain branda brande
    brandee branden brandi brandie brandon brandy brant breana breann breanna breanne bree
    brenda brendan brendon brenna brent brenton bret brett brian briana brianna brianne brice
    bridget bridgett bridgette brigette brigid brigida brigitte brinda britany britney britni
    britt britta brittaney brittani brittanie brittany britteny brittney brittni brittny brock
    broderick bronwyn brook brooke brooks bruce bruna brunilda bruno bryan bryanna bryant bryce
    brynn bryon buck bud buddy buena buffy buford bula bulah bunny burl burma burt burton buster
    byron caitlin caitlyn calandra caleb calista callie calvin camelia camellia cameron cami
    camie camila camilla camille cammie cammy candace candance candelaria candi candice candida
    candie candis candra candy candyce caprice cara caren carey cari caridad carie carin carina
    carisa carissa carita carl carla carlee carleen carlena carlene carletta carley carli carlie
    carline carlita carlo carlos carlota carlotta carlton carly carlyn carma carman carmel
    carmela carmelia carmelina carmelita carmella carmelo carmen carmina carmine carmon carol
    carola carolann carole carolee carolin carolina caroline caroll carolyn carolyne carolynn
    caron caroyln carri carrie carrol carroll carry carson carsten carter cary caryl carylon
    caryn casandra casey casie casimira cassandra cassaundra cassey cassi cassidy cassie
    cassondra cassy catalina catarina caterina catharine catherin catherina catherine cathern
    catheryn cathey cathi cathie cathleen cathrine cathryn cathy catina catrice catrina cayla
    cecelia cecil cecila cecile cecilia cecilie cecille cecily cedric cedrick celena celesta
    celeste celestina celestine celia celina celinda celine celsa ceola cesar chad chadwick chae
    chan chana chance chanda chandra chanel chanell chanelle chang chantal chantay chante
    chantel chantell chantelle chara charis charise charissa charisse charita charity charla
    charleen charlena charlene charles charlesetta charlette charley charlie charline charlott
    charlotte charlsie charlyn charmain charmaine charolette chas chase chasidy chasity chassidy
    chastity chau chauncey chaya chelsea chelsey chelsie chen cher chere cheree cherelle cheri
    cherie cherilyn cherise cherish cherly cherlyn cherri cherrie cherry cherryl chery cheryl
    cheryle cheryll chester chet cheyenne chi chia chiara chidi chieko chin china chinedu ching
    chioma chiquita chloe chong chris chrissy christa christal christeen christel christen
    christena christene christi christia christian christiana christiane christie christin
    christina christine christinia christoper christoph christophe christopher christy chrystal
    chu chuck chun chung ciara cicely ciera cierra cinda cinderella cindi cindie cindy cinthia
    cira claes clair claire clara clare clarence claretha claretta claribel clarice clarinda
    clarine claris clarisa clarissa clarita clark classie claud claude claudette claudia claudie
    claudine claudio clay clayton clelia clemencia clemens clement clemente clementina
    clementine clemmie cleo cleopatra cleora cleotilde cleta cletus cleveland cliff clifford
    clifton clint clinton clora clorinda clotilde clyde codi cody colby cole coleen coleman
    colene coletta colette colin colleen collen collene collette collin colton columbus
    concepcion conception concetta concha conchita connie connor conrad constance consuela
    consuelo contessa cora coral coralee coralie corazon cordelia cordell cordia cordie coreen
    corene coretta corey cori corie corina corine corinna corinne corliss cornelia cornelius
    cornell corrie corrin corrina corrine corrinne cortez cortney cory courtney coy craig creola
    cris criselda crissy crista cristal cristen cristi cristian cristie cristin cristina
    cristine cristobal cristopher cristy cruz crysta crystal crystle csaba csanád cuc curt
    curtis cyndi cyndy cynthia cyril cyrstal cyrus cythia daan dacia dagmar dagny dahlia daina
    daine daisey daisy dakota dale dalene dalia dalila dallas dalton damaris damian damien
    damion damon dan dana danae dane danelle danette dani dania danial danica daniel daniela
    daniele daniell daniella danielle danika danille danilo danita dann danna dannette dannie
    dannielle danny dante danuta danyel danyell danyelle daphine daphne dara darby darcel darcey
    darci darcie darcy darell daren daria darin dario darius dariusz darla darleen darlena
    darlene darline darnell daron darrel darrell darren darrick darrin darron darryl darwin
    daryl dave david davida davide davina davis dawid dawn dawna dawne dayle dayna daysi deadra
    dean deana deandra deandre deandrea deane deangelo deann deanna deanne deb debbi debbie
    debbra debby debera debi debora deborah debra debrah debroah dede dedra dee deeann deeanna
    deedee deedra deena deepak deetta deidra deidre deirdre deja del delaine delana delbert
    delcie delena delfina delia delicia delila delilah delinda delisa dell della delma delmar
    delmer delmy delois deloise delora deloras delores deloris delorse delpha delphia delphine
    delsie delta demarcus demetra demetria demetrice demetrius dena denae deneen denese denice
    denis denise denisha denisse denita deniz denna dennis dennise denny denver denyse deon
    deonna derek derick derrick deshawn desirae desire desiree desmond despina dessie destiny
    detlef detra devin devon devona devora devorah dewayne dewey dewitt dexter dia diamond dian
    diana diane diann dianna dianne dick diederik diedra diedre diego dierdre dieter digna
    dillon dimitri dimitrios dimple dina dinah dino dinorah dion dione dionna dionne dirk divina
    dixie dmitri dmitry dodie dollie dolly dolores doloris domenic domenica dominga domingo
    dominic dominica dominick dominika dominique dominque domitila domonique don dona donald
    donella donetta donette dong donita donn donna donnell donnetta donnette donnie donny
    donovan donte donya dora dorathy dorcas doreatha doreen dorene doretha dorethea doretta dori
    doria dorian dorie dorinda dorine doris dorla dorota dorotha dorothea dorothy dorris dorsey
    dortha dorthea dorthey dorthy dot dottie dotty doug douglas douglass dovie doyle dragan
    dreama drema drew drucilla drusilla duane dudley dulce dulcie duncan dung dusti dustin dusty
    dwain dwana dwayne dwight dyan dylan earl earle earlean earleen earlene earlie earline
    earnest earnestine eartha easter eboni ebonie ebony echo ed eda edda eddie eddy edelmira
    eden edgar edgardo edie edison edith edmond edmund edmundo edna edra edris eduardo edward
    edwardo edwin edwina edyth edythe eero effie efrain efren egon ehtel eileen eilene eirik ela
    eladia elaina elaine elana elane elanor elayne elba elbert elda elden eldon eldora eldridge
    eleanor eleanora eleanore elease elena elene eleni elenor elenora elenore eleonor eleonora
    eleonore elfreda elfrieda elfriede eli elia eliana elias elicia elida elidia elif elijah
    elin elina elinor elinore elisa elisabeth elisabetta elise eliseo elisha elissa eliz eliza
    elizabet elizabeth elizbeth elizebeth elke ella ellamae ellan ellen ellena elli ellie elliot
    elliott ellis ellsworth elly ellyn elma elmer elmira elmo elna elnora elodia elois eloisa
    eloise elouise eloy elroy elsa else elsie elsy elton elva elvera elvia elvie elvin elvina
    elvira elvis elwanda elwood elyse elza ema emanuel emelda emelia emelina emeline emely
    emerald emerita emerson emery emiko emil emile emilee emilia emilie emilio emily emma
    emmaline emmanuel emmett emmie emmitt emmy emogene emory emre ena enda enedina eneida enid
    enoch enola enrico enrique enriqueta enzo epifania era erasmo eric erica erich erick ericka
    erik erika erin erinn erlene erlinda erline erma ermelinda erminia erna ernest ernestina
    ernestine ernesto ernie errol ervin erwin eryn esmeralda esperanza essie esta esteban
    estefana estela estell estella estelle ester esther estrella eszter etha ethan ethel
    ethelene ethelyn ethyl etsuko etta ettie eufemia eugena eugene eugenia eugenie eugenio eula
    eulah eulalia eun euna eunice eura eusebia eusebio eustolia eva evalyn evan evangelina
    evangeline eve evelia evelin evelina eveline evelyn evelyne evelynn everett everette evette
    evia evie evita evon evonne ewa exie ezekiel ezequiel ezra fabian fabio fabiola fabrizio fae
    fairy faith fallon fannie fanny farah farid farrah fatima fatimah fatma faustina faustino
    fausto faviola fawn fay faye fe federica federico felecia felica felice felicia felicidad
    felicita felicitas felipa felipe felisa felisha felix felton ferdinand fermin fermina fern
    fernanda fernande fernando ferne fidel fidela fidelia filiberto filip filippo filomena finn
    fiona flavia fleta fletcher flo flor flora florance florence florencia florencio florene
    florentina florentino floretta floria florian florida florinda florine florrie flossie floy
    floyd fonda forest forrest foster fran france francene frances francesca francesco
    franchesca francie francina francine francis francisca francisco francoise frank frankie
    franklin franklyn fransisca franziska fred freda fredda freddie freddy frederic frederica
    frederick fredericka frederik fredia fredric fredrick fredricka fredrik freeda freeman
    freida frida frieda friedrich fritz fumiko gabriel gabriela gabriele gabriella gabrielle
    gail gala gale galen galina garfield garland garnet garnett garret garrett garry garth gary
    gaspard gaston gavin gay gaye gayla gayle gaylene gaylord gaynell gaynelle gearldine gema
    gemma gena genaro gene genesis geneva genevie genevieve genevive genia genie genna gennie
    genny genoveva geoffrey georg georgann george georgeann georgeanna georgene georgetta
    georgette georgia georgiana georgiann georgianna georgianne georgie georgina georgine
    georgios gerald geraldine geraldo geralyn gerard gerardo gerda gerhard geri germaine german
    gerri gerry gertha gertie gertrud gertrude gertrudis gertude ghislaine gia giacomo gianluca
    gianna gianni gidget gigi gil gilbert gilberte gilberto gilda gillian gilma gina ginette
    ginger ginny gino giorgio giovanna giovanni gisela gisele giselle gita giulia giuseppe
    giuseppina gladis glady gladys glayds glen glenda glendora glenn glenna glennie glennis
    glinda gloria glory glynda glynis golda golden goldie gonzalo gordon grace gracia gracie
    graciela grady graham graig grant granville grayce grazyna greg gregg gregor gregoria
    gregorio gregory greta gretchen gretta gricelda grisel griselda grover grzegorz gréta
    guadalupe gudrun guillaume guillermina guillermo gunnar gunther gus gussie gustav gustavo
    guy gwen gwenda gwendolyn gwenn gwyn gwyneth ha hae hai hailey hakan hal haley halina halley
    hallie hamid han hana hang hanh hank hanna hannah hannelore hannes hans harald harlan
    harland harley harmony harold harriet harriett harriette harris harrison harry haruki haruto
    harvey hasan hassan hassie hattie haydee hayden hayley haywood hazel heath heather hector
    hedwig hedy hee heide heidi heidy heike heiko helaine helen helena helene helga hellen
    helmut henrietta henriette henrik henry herb herbert heriberto herlinda herma herman
    hermelinda hermila hermina hermine herminia herschel hershel herta hertha hester hettie
    hiedi hien hilaria hilario hilary hilda hilde hildegard hildegarde hildred hillary hilma
    hilton hipolito hiram hiroko hiroshi hisako hoa hobert holley holli hollie hollis holly
    homer honey hong hope horace horacio hortencia hortense hortensia hosea houston howard hoyt
    hsiu hubert hue huey hugh hugo hui hulda humberto hung hunter huong hussein hwa hyacinth hye
    hyman hyo hyon hyun hélène ian ibrahim ida idalia idell idella iesha ignacia ignacio igor
    ike ila ilana ilda ileana ileen ilene iliana illa ilona ilse iluminada ima imelda imogene in
    ina india indira inell ines inez inga inge ingeborg inger ingrid ingþór inocencia ioana
    ioannis iola iona ione ira iraida irena irene irina iris irish irma irmgard irvin irving
    irwin isa isaac isabel isabell isabella isabelle isadora isaiah isaias isaura isela isiah
    isidra isidro isis ismael isobel israel isreal issac istvan iva ivan ivana ivelisse iveta
    ivette ivey ivonne ivory ivy izetta izola ja jacalyn jacelyn jacinda jacinta jacinto jack
    jackeline jackelyn jacki jackie jacklyn jackqueline jackson jaclyn jacob jacqualine jacque
    jacquelin jacqueline jacquelyn jacquelyne jacquelynn jacques jacquetta jacqui jacquie
    jacquiline jacquline jacqulyn jada jade jadwiga jae jaime jaimee jaimie jake jakob jakub
    jaleesa jalisa jama jamaal jamal jamar jame jamee jamel james jamey jami jamie jamika jamila
    jamison jammie jan jana janae janay jane janean janee janeen janel janell janella janelle
    janene janessa janet janeth janett janetta janette janey jani janice janie janiece janina
    janine janis janise janita jann janna jannet jannette jannie january janusz janyce jaqueline
    jaquelyn jared jarod jaroslav jarred jarrett jarrod jarvis jasmin jasmine jason jasper
    jaunita javier jay jaye jayme jaymie jayna jayne jayson jazmin jazmine jc jean jeana jeane
    jeanelle jeanene jeanett jeanetta jeanette jeanice jeanie jeanine jeanmarie jeanna jeanne
    jeannetta jeannette jeannie jeannine jed jeff jefferey jefferson jeffery jeffie jeffrey
    jeffry jen jena jenae jene jenee jenell jenelle jenette jeneva jeni jenice jenifer jeniffer
    jenine jenise jenna jennefer jennell jennette jenni jennie jennifer jenniffer jennine jenny
    jens jerald jeraldine jeramy jere jeremiah jeremy jeri jerica jerilyn jerlene jermaine
    jerold jerome jeromy jerrell jerri jerrica jerrie jerrod jerrold jerry jerzy jesenia jesica
    jess jesse jessenia jessi jessia jessica jessie jessika jestine jesus jesusa jesusita jetta
    jettie jewel jewell ji jill jillian jim jimmie jimmy jin jina jinny jo joachim joan joana
    joane joanie joann joanna joanne joannie joao joaquin joaquina jocelyn jodee jodi jodie jody
    joe joeann joel joella joelle joellen joesph joetta joette joey johan johana johann johanna
    johanne johannes john johna johnathan johnathon johnetta johnette johnie johnna johnnie
    johnny johnsie johnson joi joie jolanda joleen jolene jolie joline jolyn jolynn jon jona
    jonah jonas jonathan jonathon jone jonell jonelle jong joni jonie jonna jonnie jordan jordon
    jorge jose josef josefa josefina josefine joselyn joseph josephina josephine josette josh
    joshua josiah josie joslyn jospeh josphine josue jovan jovita joy joya joyce joycelyn joye
    juan juana juanita jude judi judie judith judson judy juergen jule julee julene jules juli
    julia julian juliana juliane juliann julianna julianne julie julieann julien julienne juliet
    julieta julietta juliette julio julissa julius june jung junie junior junita junko jussi
    justa justin justina justine jutta jyoti jürgen ka kacey kaci kacie kacy kai kaila kaitlin
    kaitlyn kaito kala kaleigh kaley kali kallie kalyn kam kamala kami kamil kamilah kandace
    kandi kandice kandis kandra kandy kanesha kanisha kara karan kareem kareen karen karena
    karey kari karie karim karima karin karina karine karisa karissa karl karla karleen karlene
    karly karlyn karma karmen karol karole karolina karoline karolyn karon karren karri karrie
    karry kary karyl karyn kasandra kasey kasha kasi kasie kasper kassandra kassie katarina
    katarzyna kate katelin katelyn katelynn katerine kathaleen katharina katharine katharyn
    kathe katheleen katherin katherina katherine kathern katheryn kathey kathi kathie kathleen
    kathlene kathline kathlyn kathrin kathrine kathryn kathryne kathy kathyrn kati katia katie
    katina katlyn katrice katrina kattie katy kay kayce kaycee kaye kayla kaylee kayleen
    kayleigh kaylene kazuko kecia keeley keely keena keenan keesha keiko keila keira keisha
    keith keitha keli kelle kellee kelley kelli kellie kelly kellye kelsey kelsi kelsie kelvin
    kemberly ken kena kenda kendal kendall kendra kendrick keneth kenia kenisha kenji kenna
    kenneth kennith kenny kent kenton kenya kenyatta kenyetta kera keren keri kermit kerri
    kerrie kerry kerstin kesha keshia keturah keva keven kevin khadijah khalid khalilah kia
    kiana kiara kiera kiersten kiesha kieth kiley kim kimber kimberely kimberlee kimberley
    kimberli kimberlie kimberly kimbery kimbra kimi kimiko kina kindra king kip kira kirby kirk
    kirsten kirstie kirstin kisha kit kittie kitty kiyoko kizzie kizzy klara klaus knut konrad
    korey kori kortney kory kostas kourtney kraig kris krishna krissy krista kristal kristan
    kristeen kristel kristen kristi kristian kristie kristin kristina kristine kristle kristofer
    kristopher kristy kristyn krisztina krysta krystal krysten krystin krystina krystle krystyna
    krzysztof kum kumar kurt kurtis kyla kyle kylee kylie kym kymberly kyoko kyong kyra kyung
    lacey lachelle laci lacie lacresha lacy ladawn ladonna lady lael lahoma lai laila laine
    lajuana lakeesha lakeisha lakendra lakenya lakesha lakeshia lakia lakiesha lakisha lakita
    lala lamar lamonica lamont lan lana lance landon lane lanell lanelle lanette lang lani lanie
    lanita lannie lanny lanora laquanda laquita lara larae laraine laree larhonda larisa larissa
    larita laronda larraine larry lars larue lasandra lashanda lashandra lashaun lashaunda
    lashawn lashawna lashawnda lashay lashell lashon lashonda lashunda lasonya laszlo latanya
    latarsha latasha latashia latesha latia laticia latina latisha latonia latonya latoria
    latosha latoya latoyia latrice latricia latrina latrisha launa laura lauralee lauran laure
    laureen laurel lauren laurena laurence laurene laurent lauretta laurette lauri laurice
    laurie laurinda laurine lauryn lavada lavelle lavenia lavera lavern laverna laverne laveta
    lavette lavina lavinia lavon lavona lavonda lavone lavonia lavonna lavonne lawana lawanda
    lawanna lawerence lawrence layla layne lazaro le lea leah lean leana leandra leandro leann
    leanna leanne leanora leatha leatrice lecia leda lee leeann leeanna leeanne leena leesa leia
    leida leif leigh leigha leighann leila leilani leisa leisha lekisha lela lelah leland lelia
    lemuel len lena lenard lenita lenna lennie lenny lenora lenore leo leola leoma leon leona
    leonard leonarda leonardo leone leonel leonia leonida leonie leonila leonor leonora leonore
    leontine leopoldo leora leota lera leroy les lesa lesha lesia leslee lesley lesli leslie
    lessie lester leta letha leticia letisha letitia lettie letty levi lewis lexie lezlie li lia
    liam liana liane lianne libbie libby liberty librada lida lidia lien liesbeth lieselotte
    ligia lila lili lilia lilian liliana lilla lilli lillia lilliam lillian lilliana lillie
    lilly lily lin lina lincoln linda lindsay lindsey lindsy lindy linette ling linh linn linnea
    linnie lino linsey linwood lionel lisa lisabeth lisandra lisbeth lise lisette lisha lissa
    lissette lita livia liz liza lizabeth lizbeth lizeth lizette lizzette lizzie lloyd loan
    logan loida lois loise lola lolita loma lon lona londa long loni lonna lonnie lonny lora
    loraine loralee lore lorean loree loreen lorelei loren lorena lorene lorenza lorenzo loreta
    loretta lorette lori loria loriann lorie lorilee lorina lorinda lorine loris lorita lorna
    lorraine lorretta lorri lorriane lorrie lorrine lory lottie lou louann louanne louella
    louetta louie louis louisa louise loura lourdes lourie louvenia love lovella lovetta lovie
    lowell loyce loyd lu luana luann luanna luanne luba luca lucas luci lucia luciana luciano
    lucie lucien lucienne lucila lucile lucilla lucille lucina lucinda lucio lucius lucrecia
    lucretia lucy ludie ludivina lue luella luetta luigi luis luisa luise luka lukas lukasz luke
    lula lulu luna lupe lupita lura lurlene lurline luther luvenia luz lyda lydia lyla lyle
    lyman lyn lynda lyndia lyndon lyndsay lyndsey lynell lynelle lynetta lynette lynn lynna
    lynne lynnette lynsey lynwood ma mabel mabelle mable mac machelle macie mack mackenzie macy
    madalene madaline madalyn maddie madelaine madeleine madelene madeline madelyn madge madie
    madison madlyn madonna mae maegan mafalda magali magaly magan magaret magda magdalen
    magdalena magdalene magen maggie magnolia mahalia mahmoud mai maia maida maile maira maire
    maisha maisie maja major majorie makeda malcolm malcom malena malgorzata malia malik malika
    malinda malisa malissa malka mallie mallory malorie malte malvina mamie mammie man mana
    manda mandi mandie mandy manie manon manual manuel manuela many mao maple mara maragaret
    maragret maranda marc marcel marcela marcelene marcelina marceline marcelino marcell
    marcella marcelle marcellus marcelo marcene marchelle marci marcia marcie marcin marco
    marcos marcus marcy mardell marek maren marg margaret margareta margarete margarett
    margaretta margarette margarita margarite margarito margart marge margene margeret margert
    margery marget margherita margie margit margo margorie margot margret margrett marguerita
    marguerite margurite margy marhta mari maria mariah mariam marian mariana marianela mariann
    marianna marianne mariano maribel maribeth marica maricela maricruz marie mariel mariela
    mariella marielle marietta mariette mariko marilee marilou marilu marilyn marilynn marin
    marina marinda marine mario marion maris marisa marisela marisha marisol marissa marit
    marita maritza marius marivel marjorie marjory mark marketta markita markus marla marlana
    marleen marlen marlena marlene marlin marline marlo marlon marlyn marlys marna marni marnie
    marquerite marquetta marquis marquita marquitta marry marsha marshall marta marth martha
    marti martin martina martine marty marva marvel marvella marvin marvis marx mary marya
    maryalice maryam maryann maryanna maryanne marybelle marybeth maryellen maryetta maryjane
    maryjo maryland marylee marylin maryln marylou marylouise marylyn marylynn maryrose masako
    mason mateo mateusz matha mathew mathias mathieu mathilda mathilde matilda matilde matt
    matteo matthew matthias mattia mattie maud maude maudie maura maureen maurice mauricio
    maurine maurita mauro mavis max maxie maxima maximilian maximina maximo maxine maxwell may
    maya maybell maybelle maye mayme maynard mayola mayra mazie mckenzie mckinley meagan meaghan
    mechelle meda mee meg megan meggan meghan meghann mehmet mei meike mel melaine melani
    melania melanie melany melba melda melia melida melina melinda melisa melissa melissia
    melita mellie mellisa mellissa melodee melodi melodie melody melonie melony melva melvin
    melvina melynda mendy mercedes mercedez mercy meredith meri merideth meridith merilyn
    merissa merle merlene merlin merlyn merna merri merrie merrilee merrill merry mertie mervin
    meryl meta mi mia mica micaela micah micha michael michaela michaele michal michale micheal
    michel michele michelina micheline michell michelle michiko mickey micki mickie miesha
    migdalia mignon miguel miguelina mika mikael mikaela mike mikel mikhail miki mikki mikko
    mila milagro milagros milan milda mildred miles milford milissa millard millicent millie
    milly milo milos milton mimi min mina minda mindi mindy minerva ming minh minna minnie minta
    miquel mira miranda mireille mirella mireya miriam mirian mirna miroslav mirta mirtha misha
    miss missy misti mistie misty mitch mitchel mitchell mitsue mitsuko mittie mitzi mitzie
    miyoko modesta modesto mohamed mohammad mohammed moira moises mollie molly mona monet monica
    monika monique monnie monroe monserrate monte monty moon mora morgan moriah moritz morris
    morton mose moses moshe mozell mozella mozelle mui muoi muriel murray mustafa my myesha
    myles myong myra myriam myrl myrle myrna myron myrta myrtice myrtie myrtis myrtle myung na
    nada nadene nadia nadine naida nakesha nakia nakisha nakita nam nan nana nancee nancey nanci
    nancie nancy nanette nannette nannie naoma naomi napoleon narcisa natacha natalia natalie
    natalya natasha natashia nathalie nathan nathanael nathanial nathaniel natisha natividad
    natosha neal necole ned neda nedra neely neida neil nelda nelia nelida nell nella nelle
    nellie nelly nelson nena nenita neoma neomi nereida nerissa nery nestor neta nettie neva
    nevada neville newton nga ngan ngoc nguyet nia nichelle nichol nicholas nichole nicholle
    nick nicki nickie nickolas nickole nicky nicol nicola nicolas nicolasa nicole nicolette
    nicolle nida nidia niesha nieves nigel niki nikia nikita nikki nikola nikolai nikolaos
    nikole nila nilda nils nilsa nina ninfa nisha nita noah noble nobuko noe noel noelia noella
    noelle noemi nohemi nola nolan noma nona noor nora norah norbert norberto noreen norene
    noriko norine norma norman normand norris nova novella nu nubia numbers nydia nyla obdulia
    ocie octavia octavio océane oda odelia odell odessa odette odilia odis ofelia ok oksana ola
    olaf oleg olen olene oleta olevia olga olimpia olin olinda oliva olive oliver olivia olivier
    ollie olympia oma omar omega omer ona oneida onie onita opal ophelia ora oralee oralia oren
    oretha orlando orpha orval orville oscar oskar ossie osvaldo oswaldo otelia otha otilia otis
    ottavio otto ouida owen ozell ozella ozie pa pablo page paige palma palmer palmira pam
    pamala pamela pamelia pamella pamila pamula pandora pansy paola paolo paris parker parthenia
    particia pascal pasquale pasty pat patience patria patrica patrice patricia patrick patrik
    patrina patsy patti pattie patty paul paula paulene pauletta paulette paulina pauline
    paulita pavel pawel paz pearl pearle pearlene pearlie pearline pearly pedro peg peggie peggy
    pei pekka penelope penney penni pennie penny percy perla perry pete peter petr petra petrina
    petronila phebe phil philip philipp phillip phillis philomena phoebe phung phuong phylicia
    phylis phyliss phyllis pia piedad pierre pilar ping pinkie piotr piper pok polly porfirio
    porsche porsha porter portia pradeep precious preston pricilla prince princess priscila
    priscilla priya providencia prudence pura qiana queen queenie quentin quiana quincy quinn
    quintin quinton quyen rachael rachal racheal rachel rachele rachell rachelle racquel rae
    raeann raelene rafael rafaela rafal raguel rahul raina raisa raj rajesh raleigh ralph ramiro
    ramon ramona ramonita rana ranae randa randal randall randee randell randi randolph randy
    ranee rania raphael raquel rashad rasheeda rashida raul raven ravi ray raye rayford raylene
    raymon raymond raymonde raymundo rayna rea reagan reanna reatha reba rebbeca rebbecca rebeca
    rebecca rebecka rebekah reda reed reena refugia refugio regan regena regenia reggie regina
    reginald regine reginia reid reiko reina reinaldo reinhard reita rema remedios remona rena
    renae renaldo renata renate renato renay renda rene renea renee renetta renita renna ressie
    reta retha retta reuben reva rex rey reyes reyna reynalda reynaldo rhea rheba rhett rhiannon
    rhoda rhona rhonda ria ricarda ricardo riccardo rich richard richelle richie rick rickey
    ricki rickie ricky rico rigoberto rikki riley rima rina risa rita riva rivka rob robbi
    robbie robbin robby robbyn robena robert roberta roberto robin robt robyn rocco rochel
    rochell rochelle rocio rocky rod roderick rodger rodney rodolfo rodrick rodrigo rogelio
    roger roland rolanda rolande rolando rolf rolland roma romaine roman romana romelia romeo
    romona ron rona ronald ronda roni ronna ronni ronnie ronny roosevelt rory rosa rosalba
    rosalee rosalia rosalie rosalina rosalind rosalinda rosaline rosalva rosalyn rosamaria
    rosamond rosana rosann rosanna rosanne rosaria rosario rosaura roscoe rose roseann roseanna
    roseanne roselee roselia roseline rosella roselle roselyn rosemarie rosemary rosena rosenda
    rosendo rosetta rosette rosia rosie rosina rosio rosita roslyn ross rossana rossie rosy
    rowena roxana roxane roxann roxanna roxanne roxie roxy roy royal royce rozanne rozella ruben
    rubi rubie rubin ruby rubye rudolf rudolph rudy rueben rufina rufus rui rupert russ russel
    russell rusty ruth rutha ruthann ruthanne ruthe ruthie ryan ryann ryo sabina sabine sabra
    sabrina sacha sachiko sade sadie sadye sage sakura sal salena salina salley sallie sally
    salome salvador salvatore sam samantha samara samatha samella samira sammie sammy samual
    samuel sana sanda sandee sandi sandie sandra sandro sandy sanford sang sanjay sanjuana
    sanjuanita sanora santa santana santiago santina santo santos sara sarah sarai saran sari
    sarina sarita sasha saturnina sau saul saundra savanna savannah scarlet scarlett scot scott
    scottie scotty sean season sebastian sebrina see seema selena selene selina selma sena
    senaida september serafina serena sergei sergey sergio serina serita seth setsuko seymour
    sha shad shae shaina shakia shakira shakita shala shalanda shalon shalonda shameka shamika
    shan shana shanae shanda shandi shandra shane shaneka shanel shanell shanelle shani shanice
    shanika shaniqua shanita shanna shannan shannon shanon shanta shantae shantay shante shantel
    shantell shantelle shanti shaquana shaquita shara sharan sharda sharee sharell sharen shari
    sharice sharie sharika sharilyn sharita sharla sharleen sharlene sharmaine sharolyn sharon
    sharonda sharri sharron sharyl sharyn shasta shaun shauna shaunda shaunna shaunta shaunte
    shavon shavonda shavonne shawana shawanda shawanna shawn shawna shawnda shawnee shawnna
    shawnta shay shayla shayna shayne shea sheba sheena sheila sheilah shela shelba shelby
    sheldon shelia shella shelley shelli shellie shelly shelton shemeka shemika shena shenika
    shenita shenna shera sheree sherell sheri sherice sheridan sherie sherika sherill sherilyn
    sherise sherita sherlene sherley sherly sherlyn sherman sheron sherrell sherri sherrie
    sherril sherrill sherron sherry sherryl sherwood shery sheryl sheryll shiela shila shiloh
    shin shira shirely shirl shirlee shirleen shirlene shirley shirly shizue shizuko shon shona
    shonda shondra shonna shonta shoshana shu shyla sibyl sid siddharth sidney sierra signe
    sigrid silas silva silvana silvia sima simon simona simone simonne sina sindy sinead siobhan
    sirena siu sixta skye slawomir slyvia so socorro sofia soila sol solange soledad solomon
    somer sommer son sona sondra song sonia sonja sonny sonya soo sook soon sophia sophie soraya
    soren sparkle spencer spring stacee stacey staci stacia stacie stacy stan stanford stanley
    stanton star starla starr stasia stefan stefani stefania stefanie stefano stefany steffanie
    stella stepanie stephaine stephan stephane stephani stephania stephanie stephany stephen
    stephenie stephine stephnie sterling steve steven stevie stewart stormy stuart su suanne
    sudie sue sueann suellen suk sulema sumiko summer sun sunday sung sunni sunny sunshine susan
    susana susann susanna susannah susanne susie susy suzan suzann suzanna suzanne suzette suzi
    suzie suzy sven svetlana sybil syble sydney sylvester sylvia sylvie synthia syreeta szymon
    søren ta tabatha tabetha tabitha tad tai taina taisha tajuana takako takashi takeshi takisha
    talia talisha talitha tam tama tamala tamar tamara tamatha tambra tameika tameka tamekia
    tamela tamera tamesha tami tamica tamie tamika tamiko tamisha tammara tammera tammi tammie
    tammy tamra tana tandra tandy taneka tanesha tangela tania tanika tanisha tanja tanna tanner
    tanya tara tarah taren tari tarra tarsha taryn tasha tashia tashina tasia tatiana tatum
    tatyana taunya tawana tawanda tawanna tawna tawny tawnya taylor tayna ted teddy teena tegan
    teisha telma temeka temika tempie temple tena tenesha tenisha tennie tennille teodora
    teodoro teofila tequila tera tereasa terence teresa terese teresia teresita teressa teri
    terica terina terisa terra terrance terrell terrence terresa terri terrie terrilyn terry
    tesha tess tessa tessie tetsuya thad thaddeus thalia thanh thao thea theda thelma theo
    theodora theodore theola theresa therese theresia theressa theron thersa thi thiago thomas
    thomasena thomasina thomasine thora thorsten thresa thu thurman thuy tia tiago tiana tianna
    tiara tien tiera tierra tiesha tifany tiffaney tiffani tiffanie tiffany tiffiny tijuana
    tilda tillie tim timika timmy timo timothy tina tinisha tiny tisa tish tisha titus tobi
    tobias tobie toby toccara tod todd toi tom tomas tomasa tomasz tomeka tomi tomika tomiko
    tommie tommy tommye tomoko tona tonda tonette toney toni tonia tonie tonisha tonita tonja
    tony tonya tora torben tori torie torri torrie torsten tory tosha toshia toshiko tova
    towanda toya tracee tracey traci tracie tracy tran trang travis treasa treena trena trent
    trenton tresa tressa tressie treva trevor trey tricia trina trinh trinidad trinity trish
    trisha trista tristan troy trudi trudie trudy trula truman tu tuan tula tuyet twana twanda
    twanna twila twyla ty tyesha tyisha tyler tynisha tyra tyree tyrell tyron tyrone tyson ula
    ulrich ulrike ulysses un una ursula usha ute uwe vada val valarie valda valencia valene
    valentin valentina valentine valeri valeria valerie valery vallie valorie valrie van vance
    vanda vanesa vanessa vanetta vania vanita vanna vannesa vannessa vashti vasile vasiliki
    vaughn veda velda velia vella velma velva velvet vena venessa venetta venice venita vennie
    venus veola vera verda verdell verdie verena vergie verla verlene verlie verline vern verna
    vernell vernetta vernia vernice vernie vernita vernon verona veronica veronika veronique
    versie vertie vesta veta vi vicenta vicente vickey vicki vickie vicky victor victoria
    victorina vida viki vikki viktor vilma vina vince vincent vincenza vincenzo vinita vinnie
    viola violet violeta violette virgen virgie virgil virgilio virgina virginia vita vito viva
    vivan vivian viviana vivien vivienne vladimir von voncile vonda vonnie wade wai waldo walker
    wallace wally walter walton waltraud wan wanda waneta wanetta wanita ward warner warren wava
    waylon wayne wei weldon wen wendell wendi wendie wendolyn wendy wenona werner wes wesley
    weston whitley whitney wilber wilbert wilbur wilburn wilda wiley wilford wilfred wilfredo
    wilhelmina wilhemina will willa willard willena willene willetta willette willia william
    williams willian willie williemae willis willodean willow willy wilma wilmer wilson wilton
    windy winford winfred winifred winnie winnifred winona winston winter wm wojciech wolfgang
    wonda woodrow wyatt wynell wynona xavier xenia xiao xin xiomara xochitl xuan yadira yaeko
    yael yahaira yajaira yan yang yanira yannick yasmin yasmine yasuko yee yelena yen yer
    yesenia yessenia yetta yevette yi ying yoko yolanda yolande yolando yolonda yon yong yoshie
    yoshiko youlanda young yu yuette yuk yuki yukiko yuko yulanda yun yung yuonne yuri yuriko
    yusuf yvette yvone yvonne zachariah zachary zachery zack zackary zada zaida zana zandra zane
    zbigniew zelda zella zelma zena zenaida zenia zenobia zetta zina zita zoe zofia zoila zola
    zoltan zona zonia zora zoraida zsofia zula zulema zulma zuzana časlav
    """
)

# The 20,000 most frequent US census surnames (public domain), lower case.
SURNAMES = _words(
    """
    aaron aarons aasen abad abadie abarca abate abbas abbate abbey abbott abdallah abdo abdul
    abdullah abe abeita abel abell abels abercrombie abernathy abernethy abeyta able ables abner
    abney abraham abrahams abrahamson abram abramowitz abrams abramson abrego abreu abril abron
    absher abshire abston acevedo aceves achenbach acheson acker ackerman ackermann ackerson
    ackles ackley acklin ackman acord acosta acree acres acton acuff acuna adair adam adamczyk
    adame adamek adames adamo adams adamski adamson adan adcock adcox addington addis addison
    addy adelman adelson aden aderholt adger adkins adkinson adkison adkisson adler adolph
    adorno adrian agan agar agarwal agee ager agin agnew agostini agosto aguayo aguero aguiar
    aguila aguilar aguilera aguinaga aguinaldo aguirre aguon agustin ahart ahearn ahern ahl
    ahlers ahlstrom ahmad ahmed ahn ahner aho ahrens ahumada aichele aiello aiken aikens aikin
    ainsworth aitchison aitken akbar ake aker akers akey akin akins akridge alaimo alam alameda
    alamo alanis alaniz alarcon alatorre alba alban albanese albano albarado albarran albaugh
    albee alber albers alberson albert alberti alberto alberts albertson alberty albin albino
    albrecht albright albritton albro albury alcala alcantar alcantara alcaraz alcazar alcocer
    alcock alcorn alcott aldaco aldana aldape alday alden alder alderete alderman alderson
    aldrich aldridge alegria alejandre alejandro alejo alejos aleman alers aleshire alessi alex
    alexander alexandre alexis alfano alfaro alfonso alford alfred algarin alger ali alicea
    aliff alix alkire allain allaire allan allard allbright allbritton alldredge allee alleman
    allen allender allensworth alles alley alleyne allgood allie alligood alling allis allison
    allman allmon alloway allred allshouse allsop allsup allums allyn alm almaguer almanza
    almanzar almaraz almazan almeida almendarez almodovar almon almond almonte alongi alonso
    alonzo alpert alphin alsop alston alsup alt altamirano alter althoff althouse altieri
    altizer altman altom alton alva alvarado alvardo alvarenga alvares alvarez alverez alverson
    alves alvey alvis alvord amado amador amaker aman amann amar amaral amaro amato amaya ambler
    ambriz ambrose ambrosino ambrosio amburgey amedee amen amend amendola ament amerson ames
    amey amezcua amezquita amick amico amidon amin amis ammann ammerman ammon ammons amo amodeo
    amon amore amoroso amos amsler amundsen amundson amy an anaya ancheta anchondo anders
    andersen anderson anderton andes anding andino andrade andre andreas andreasen andres
    andresen andress andrew andrews andrus andrzejewski andujar anello ang ange angel angeles
    angell angelo angle anglin anguiano angulo angus anker ankney annis annunziata ansari ansell
    anselmo ansley anson anspach anstett anthony antle antley antoine anton antone antonelli
    antonio antonucci antunez anwar anzaldua anzalone aoki aparicio apel apgar apo apodaca
    aponte appel appell apperson apple applebaum appleby applegate appleton applewhite applin
    appling april aquilar aquino aquirre aragon arai araiza arakaki araki arambula arana aranda
    arango arant araujo arbogast arbour arbuckle arcand arce arceneaux arceo archambault archer
    archey archibald archie archuleta arciniega arcuri ard arden ardis ardito ardoin ardon
    arechiga arehart arel arellano arena arenas arend arends arendt arent arevalo argento argo
    arguelles arguello argueta arias arispe arizmendi arledge arline armand armas armbruster
    armendariz armenta armentrout armer armes armijo armistead armitage armor armour arms
    armstead armstrong armwood arndt arner arneson arnett arnette arney arno arnold arnone
    arnott arnwine arocha arocho aron aronson arp arpin arrant arredondo arreguin arrellano
    arreola arrey arriaga arrieta arrington arriola arrowood arroyo arruda arsenault arteaga
    arter arterburn arthur arthurs artiaga artis artman artrip artz arvidson arvin arviso arvizu
    arwood ary arzate arzola asaro asay asbell asberry asbury ascencio asencio ash ashbaugh
    ashbrook ashburn ashby ashcraft ashcroft ashe asher ashford ashley ashlock ashman ashmore
    ashton ashurst ashworth askew askins asmus asper astle aston astorga astudillo asuncion
    atchison atchley aten atencio ater atherton athey atkin atkins atkinson atkison atlas atnip
    attaway atteberry attebery atterberry attwood atwater atwell atwood au aube aubin aubrey
    aubry aubuchon auclair aucoin audet audette auer auerbach auger august auguste augustin
    augustine augustus auld ault aultman auman aumiller aurand aust austin austria auten
    authement auton autrey autry auvil auxier auyeung auzenne avallone avalos avans avant avelar
    avendano avent avera averett averill avery avey avila aviles avilez avilla avina avis avitia
    awad axelson axford axtell ayala aybar aycock ayer ayers aylward ayon ayotte ayoub ayres
    azar azevedo aziz azure baade babb babbitt babcock baber babich babin babineau babineaux
    babst baca bacchus baccus bach bachand bachelder bacher bachman bachmann bachus back backer
    backes backhaus backlund backman backstrom backus bacon bacote bad badalamenti bade baden
    bader badger badgett badgley badilla badillo baehr baer baez baeza bagby baggett baggs
    baginski bagley bagwell baham bahe bahena bahr baier bail bailes bailey baillargeon baillie
    baily bain bainbridge baine baines bains bainter bair baird baisden baisley baity baize bak
    baker bakewell bakke bakken bakker bakos balas balboa balbuena balch balcom balderas
    balderrama baldree baldridge balducci baldwin bale balentine bales baley balfour balk balke
    ball ballance ballantyne ballard ballenger ballentine ballesteros ballew balliet balling
    ballinger ballou ballow balls ballweg balmer balog balogh balsamo balser baltazar baltes
    baltimore baltz baltzell balzer banach banas bancroft banda bandy bane banes baney banfield
    bang bangert bangs banh banister bank banker bankhead banks bankston banner bannerman
    banning bannister bannon banta banton banuelos baptist baptista baptiste bara barahona
    barajas baran baranowski baratta barb barba barbagallo barbara barbe barbeau barbee barber
    barbera barbieri barbosa barbour barboza barcelo barcenas barcia barclay barco barcomb
    barcus bard barden bardin bardsley bardwell bare barefield barefoot barela barfield barga
    bargas barge barger bargo barham barhorst baril barile bark barker barkley barkman barks
    barksdale barlett barley barlow barlowe barmore barna barnaby barnard barner barnes barnett
    barnette barney barnhardt barnhart barnhill barnhouse barns barnum barnwell baro baron
    barone baros barr barra barragan barras barratt barraza barre barreiro barren barrentine
    barrera barreras barret barreto barrett barrette barrick barrie barrientes barrientez
    barrientos barrier barriere barriga barringer barrington barrios barris barron barros
    barroso barrow barrows barrs barrus barry barstow bart barta bartee bartel bartell bartels
    bartelt barter barth barthel bartholomew bartlett bartley bartling bartlow bartman barto
    bartolome barton bartos bartow bartram bartsch bartz barwick basaldua bascom basel bash
    basham bashaw bashir basil basile basinger baskerville baskett baskin basler basnight
    basquez bass bassett bassham bassler basso bast bastarache bastian bastien batchelder
    batchelor bate bateman bates batey bath batie batista batiste bator batres batson batt
    battaglia batten battey battin battista battiste battle battles batton batts batty baty batz
    bauch baucom bauder baudoin bauer baugh baugher baughman baughn baum bauman baumann baumbach
    baumeister baumer baumert baumgardner baumgart baumgarten baumgartner baur bautista baver
    bax baxley baxter bay bayard bayer bayerl bayes bayles bayless baylis bayliss baylor bayne
    baynes bays baysinger bazaldua bazan baze bazemore bazile beach beacham beachum beadle
    beadles beagle beahm beaird beal beale bealer beall beals beam beaman beamer beamon beams
    bean beane bear bearce beard bearden beardsley beasley beason beaton beattie beatty beaty
    beaubien beauchamp beauchemin beauchesne beaudet beaudette beaudin beaudoin beaudry beauford
    beaufort beaulieu beaumont beaupre beauregard beauvais beaver beavers beazley bebout becerra
    becerril bechard becher bechtel bechtol bechtold beck beckel becker beckert beckett beckford
    beckham beckles beckley beckman beckmann beckner beckstead beckwith becnel becraft becton
    bedard bedell bedford bedgood bednar bednarz bedolla bedoya bedwell bee beebe beech beecham
    beecher beede beedle beegle beehler beekman beeks beeler beem beeman beene beer beerman
    beers beery beesley beeson beets begay begaye beggs begin begley behan behler behling behm
    behn behne behnke behr behrends behrendt behrens beier beil beiler beirne bejarano belair
    beland belanger belcher belden belding belew belfiore belford belgarde belgrave belin
    belisle beliveau belk belknap bell bella bellamy bellanger bellantoni bellard belle beller
    belles bellew belli bellinger bellino bellis belliveau bellman bello bellomy bellows belmont
    belmonte belote belser belt belton beltran beltz belue belville belvin belz bembry bemis ben
    benally benard benavides benavidez benbow bence bench bencomo benda bendel bender benedetti
    benedetto benedict benefiel benefield benes benevides benfer benfield benford benge bengtson
    benham benites benitez benito benjamin benn benner bennet bennett bennette benning benninger
    benningfield bennington benny beno benoit bensen benson bent bentley bently bento benton
    bentz benz benzing bequette beran berard berardi berends berens beres beresford berg bergan
    berge bergen berger bergeron bergerson bergeson bergevin bergey berggren bergh bergin
    berglund bergman bergmann bergquist bergren bergstrom beringer berk berke berkeley berkey
    berkley berkman berkowitz berlanga berlin berman bermudes bermudez bernabe bernal bernard
    bernardi bernardini bernardino bernardo berndt berner bernhard bernhardt bernier berning
    berns bernstein berrian berrier berrios berry berryhill berryman bert berta berthelot
    berthiaume berthold berti bertin bertolini bertram bertrand bertsch berube berumen berwick
    besaw beshears bess besser bessette bessey bessler best bester betances betancourt bethea
    bethel bethune bettencourt bettis betton betts betty betz beus bevan bever beverage
    beveridge beverly bevers bevilacqua bevill beville bevins bevis bewley bey beyer beyers
    bezanson bhakta bhatia bhatt bianchi bianco bias bibb bibbins bibbs bibby bibeau bible
    bibler bice bickel bickers bickerstaff bickett bickford bickham bickley bicknell biddle
    bidwell bieber biehl bieker biel bielecki bien bier bierman biermann biffle big bigby
    bigelow bigger biggers biggerstaff biggins biggs bigham bigler bigley bilbo bilbrey
    bilderback biles bilger bill biller billie billings billingsley billington billiot billips
    billman bills billups billy bilodeau bilski bilyeu binder binette binford bing bingaman
    bingham bingman binion binkley binney binns biondi biondo birch birchfield bird birdsall
    birdsell birdsong birdwell birge birk birkholz birkland birmingham birnbaum birney biro
    biron birt bisbee bischof bischoff biscoe bise bish bishop bissell bissett bissette bisson
    bissonette bissonnette bitner bitter bitting bittinger bittle bittner bivens bivins bivona
    bixby bixler bizier bizzell bjerke bjork bjorklund black blackburn blacker blackerby
    blackford blackledge blackman blackmer blackmon blackmore blackshear blackshire blackstock
    blackston blackstone blackwelder blackwell blackwood blade blades blagg blaha blain blaine
    blair blais blaisdell blaise blake blakeley blakely blakeman blakemore blakeney blaker
    blakes blakeslee blakey blakley blakney blalock blanc blanch blanchard blanche blanchette
    blanco bland blandford blanding blandon blane blaney blanford blank blankenship blankinship
    blanks blansett blanton blas blaser blasingame blasko blass blassingame blatt blau blauser
    blauvelt blay blaylock blaze blazek blazer blea bleau blecha bledsoe bleich blessing blevins
    blewett blick blind bliss blizzard bloch blocher block blocker blodgett blohm blom blomberg
    blomquist blood bloodsaw bloodworth bloom bloomberg bloomer bloomfield bloomquist blose
    bloss blosser blossom blough blouin blount blow blubaugh blue bluford bluhm blum blumberg
    blume blumenthal blumer blundell blunt bly blythe boan board boardman boatman boatner
    boatright boatwright boaz bob bobadilla bobb bobbitt bobby bober bobo bocanegra bock
    bockelman bockman bodden boddie boddy bode boden bodenhamer bodie bodiford bodily bodin
    bodine bodkin bodnar bodner body boe boeding boehm boehman boehme boehmer boelter boer
    boerger boerner boes boese boettcher bogan bogar bogard bogardus bogart bogdan bogen boger
    bogert boggan boggess boggs bogle bogner bogue bohan bohanan bohannan bohannon bohanon bohl
    bohlen bohler bohm bohman bohn bohner bohnert bohnsack bohon bohr bohrer boice boissonneault
    boisvert boivin bojorquez bolan boland bolander bolanos bold bolden bolding bolds boldt
    bolduc bolen boler boles boley bolger bolick bolin boling bolinger bolivar boll boller
    bolles bollin bolling bollinger bollman bologna bolster bolt bolte bolten bolton boltz
    bolyard boman bomar bombard bombardier bomberger bona bonanno bonaparte bonar bond bondi
    bonds bondurant bondy bone bonelli bonenfant boner bones bonet bonetti boney bonfiglio
    bongiorno bonham bonhomme bonifacio bonilla bonin bonk bonn bonneau bonnell bonner bonnet
    bonnett bonnette bonney bonnie bono bonomo bontrager booe booher book booker bookman bookout
    books boomer boon boone boos boose booth boothby boothe boots booze boozer bopp borba
    borchardt borchers borchert bordeau bordeaux bordelon borden border borders bordner borel
    borelli boren borg borgen borger borges borgman borgmann boring boris borja borjas bork
    borkholder borkowski borland borman bormann born borne bornstein boros borowski borquez
    borrego borrelli borrero borror borst borton bortz borum borunda bos bosarge bosch bosco
    bose boser boshears bosket bosley bosque boss bosse bosserman bost bostic bostick boston
    bostrom bostwick boswell bosworth botelho botello bothwell botkin botsford bott botta bottom
    bottomley bottoms bottorff botts bou bouchard boucher bouck boudreau boudreaux bouffard
    boughner boughton bouie bouknight boulanger boulay bouldin bouley boulton boulware bounds
    bourassa bourbeau bourdeau bourdon bourg bourgault bourgeois bourget bourgoin bourke
    bourland bourn bourne bourque bourquin bousquet boutin bouton boutte boutwell bova bove
    bovee bow bowden bowe bowen bowens bower bowerman bowers bowersox bowes bowie bowker bowlby
    bowler bowles bowley bowlin bowling bowman bown bowne bowser bowyer box boyce boyd boyden
    boydston boydstun boyer boyers boyes boyett boyette boyington boykin boykins boylan boyland
    boyle boyles boynton boysen boyster boyter bozarth bozek bozeman braaten braatz brabham
    bracamonte bracco brace bracero bracewell bracey brack bracken brackett brackin brackins
    brackman bracy bradberry bradburn bradbury braddock braddy braden bradfield bradford bradham
    bradish bradley bradshaw bradsher bradt bradway bradwell brady brafford braga bragdon bragg
    braggs braham brain brainard brainerd braithwaite brake brakebill braley braman bramble
    bramblett brame bramlett brammer branam branan branch branco brand brandel brandenburg
    brandes brandl brandon brandow brandt brandy branham brann brannan brannen brannigan brannon
    brannum branscome branscum branson branstetter brant brantley brantner branton branum brase
    brasel brasfield brashear brashears brasher brass brassard brassell brassfield braswell
    bratcher brathwaite bratt bratten bratton braud brauer brault braun braunstein bravo brawley
    brawn brawner braxton bray brayton brazeal brazell brazelton braziel brazier brazil breault
    breaux breazeale brecht breckenridge breece breed breeden breeding breedlove breen breese
    breeze brehm brehmer breit breitenstein brekke breland bremer bremner brendel brendle
    breneman brennan brenneman brennen brenner brent brenton brescia breshears breslin bresnahan
    bressler breton brett bretz breuer breunig brew brewer brewington brewster brewton brey
    brian brice briceno brick bricker brickey brickhouse brickley brickman brickner bridge
    bridgeforth bridgeman bridger bridgers bridges bridgewater bridgman bridwell brien brier
    brierly briese brigance briganti briggs brigham bright brighton brigman brignac briles
    briley brill brim brimage brimer brimmer brindle brindley brinegar briner brink brinker
    brinkerhoff brinkley brinkman brinkmann brinn brinson brinton briones brisco briscoe briseno
    brissette brisson brister bristol bristow brite brito britt brittain britten brittian
    brittingham britton brixey brizendine broach broad broadbent broaddus broadhead broadhurst
    broadnax broadus broadwater broadway broadwell broady brobst broce brochu brock brockett
    brockington brockman brockway brodbeck brode broder broderick brodersen brodeur brodie
    brodsky brody brogan brogden brogdon brokaw broman bromberg bromley bronk bronner bronson
    bronstein brook brooke brooker brookes brooking brookins brookman brookover brooks
    brookshire broom broome broomfield brophy brose brosius brosnan bross brothers brotherton
    brott brotzman brough broughton brouillard brouillette broussard brousseau brouwer browder
    brower brown browne brownell browner brownfield browning brownlee brownlow broxton broyles
    brubaker bruce bruch bruck brucker bruckner bruder brueggemann bruen bruening bruggeman
    brugger bruhn brumback brumbaugh brumbelow brumfield brumit brumley brummer brummett
    brummitt brun brundage brundidge brune bruneau brunell brunelle bruner brunet brunette
    brunetti brungardt bruni bruning brunk brunner bruno bruns brunson brunswick brunt brunton
    brush bruss brust bruton bryan bryant bryce bryd bryden bryer bryner bryson brzezinski
    brzozowski bubb bublitz bucci buch buchan buchanan buchanon bucher buchheit buchholtz
    buchholz buchman bucholtz bucholz buck buckelew bucker buckingham buckland buckle buckler
    buckles bucklew buckley bucklin buckman buckmaster buckner buckwalter bucy buda budd budde
    budge budzinski bueche buehler buell buelow buendia bueno buenrostro buentello buerger
    buettner buff buffington bufford buffum bufkin buford bugarin bugbee bugg buggs buhl buhler
    buhr bui buie buitron buker bukowski bulger bulkley bull bullard bullen buller bullington
    bullins bullion bullis bulloch bullock bulluck bulter bumgardner bumgarner bump bumpers
    bumpus bunce bunch bundick bundy bunge bunger bunker bunn bunnell buntin bunting bunton
    bunyard buono buras burbach burbage burbank burbridge burch burcham burchard burchell
    burchett burchette burchfield burciaga burd burden burdett burdette burdge burdick burdine
    burditt burford burg burgan burge burger burges burgess burgett burgher burgin burgoon
    burgos burgoyne burk burkart burke burkes burket burkett burkey burkhalter burkhardt
    burkhart burkhead burkholder burkley burks burleigh burleson burlew burley burling
    burlingame burlison burman burmeister burnam burnell burner burnes burnett burnette burney
    burnham burnley burns burnside burpee burpo burr burrage burrell burress burrier burrill
    burris burriss burritt burrough burroughs burrow burrowes burrows burrus burruss burse
    burson burt burtch burton burts burwell bury busbee busby busch buscher buse buser busey
    bush bushard bushee bushey bushman bushnell bushong bushway busick buske buskirk buss
    bussard busse bussell bussey bussiere bustamante buster bustillos bustos buswell butcher
    buteau butera buterbaugh butkovich butler butner butt buttars butterfield butters
    butterworth buttler button buttram buttrey butts butz buxton buzard buzbee buzzard buzzell
    byard byars byas bybee bye byer byerly byers byfield byford byington byler bynoe bynum byram
    byrd byrge byrne byrnes byrns byrom byron byrum caba caballero caban cabana cabaniss cabe
    cabell cabello cabezas cable cabot cabral cabrales cabrera caceres cacho caddell caddy cade
    cadena cadet cadieux cadiz cadle cadogan cadorette cadwallader cadwell cady caesar caffee
    caffey caffrey cage caggiano cagle cagney cahill cahoon cai cail cain caine caines cairns
    caison cajigas calabrese calabro calahan calaway calcagni calcote calder caldera calderon
    calderone calderwood caldwell cale cales caley calfee calhoon calhoun cali calkins call
    callaghan callaham callahan callan callanan callas callaway calle callejas callen callender
    calles callicoat callier callihan callis callison calloway calton calvert calvillo calvin
    calvo calzada camacho camara camarena camargo camarillo cambell cambra cambridge cambron
    camden cameron camire cammack cammarata camp campa campagna campana campanella campanelli
    campas campbell camper campfield campion campisi campo campos campuzano canada canaday
    canady canale canales canas canavan cancel canchola candelaria candelario candler cane
    canela canfield cangelosi canipe canizales cann cannaday cannady cannella canning cannon
    cano canon cansler cantara canter canterbury cantero cantin cantley canto canton cantor
    cantrell cantu cantwell canty canup cao caouette capasso cape capehart capel capers caperton
    capetillo caplan caple caples caplinger capo capobianco capone capozzi capp cappello capps
    capra caprio capuano caputo carabajal caraballo caraveo caraway carbajal carballo carbaugh
    carberry carbin carbonaro carbone carbonell card cardella cardello carden cardenas carder
    cardiel cardillo cardin cardinal cardinale cardona cardone cardoso cardoza cardwell carew
    carey cargile cargill cargo carico carignan carillo carini carino carl carlberg carle
    carleton carley carlile carlin carlino carlisle carlo carlock carlon carlos carls carlsen
    carlson carlton carlucci carlyle carmack carman carmean carmen carmichael carmody carmon
    carmona carmouche carn carnahan carneal carnegie carnell carner carnes carnevale carney caro
    carol carolan carolina caroll carollo caron carone carothers carpenter carpentier carper
    carpino carpio carr carranza carrara carrasco carrasquillo carraway carreiro carrell carreno
    carreon carrera carreras carrero carrick carrico carrier carriere carrigan carrillo
    carrington carrion carrizales carrol carroll carron carrow carrozza carruth carruthers
    carson carstarphen carstens carstensen carswell cartagena carte cartee carter cartier
    cartwright carty caruso caruthers carvajal carvalho carver carwell carwile cary casado
    casados casady casale casanova casares casarez casas casavant casazza cascio case casella
    casey cash cashin cashion cashman cashwell casiano casias casillas casimir caskey casler
    casner cason casper casperson cass cassady cassano cassara cassel cassell cassella casselman
    cassette cassidy cassity casson castagna castaldo castaneda castano castanon casteel
    castellano castellanos castelli castello castellon caster castiglia castiglione castile
    castille castilleja castillo castillon castle castleberry castleman casto caston castonguay
    castor castorena castrejon castro caswell catalan catalano cataldo catania catanzaro
    catchings cate cater cates cathcart cathey catlett catlin cato catoe caton catron catt
    caudell caudill caudillo caudle caufield caughey caulder cauley caulfield caulkins causby
    causey cauthen cavalier cavaliere cavallaro cavallo cavanagh cavanaugh cavazos cave cavender
    caver caverly caves cavin caviness cavins cavitt cawley cawthon cayer caylor cayton caywood
    cazares cearley ceasar ceaser ceballos cecena cecere cecil cedeno cedillo ceja celaya
    celentano celestin celestine celis cendejas ceniceros centeno center centers cepeda cephas
    cephus cerda cerna cerny ceron cerrato cerrone cervantes cervantez cesar cespedes cessna
    cevallos cha chabot chace chacko chacon chadbourne chadwell chadwick chaffee chaffin
    chaffins chafin chagnon chagoya chai chaidez chaires chairez chaisson chalfant chalk chalker
    chalmers chamber chamberlain chamberland chamberlin chambers chamblee chambless chambliss
    chamlee chamness chamorro champ champagne champine champion champlin champney chan chance
    chancellor chancey chancy chandler chaney chang channel channell chao chapa chaparro
    chapdelaine chapel chapell chapin chaplin chapman chappel chappell chappelle chapple chaput
    charboneau charbonneau charest charette charity charland charlebois charles charleston
    charlesworth charley charlie charlton charney charon charpentier charron chartier chartrand
    chase chason chasse chastain chasteen chatfield chatham chatman chatmon chatterton chau
    chaudhry chausse chauvin chavarria chavers chaves chavez chavira chavis chea cheatham
    cheatwood check chee cheek cheeks cheeseman cheesman cheever chen chenard chenault cheney
    cheng chenier chenoweth cherry chery cheshire chesley chesney chesnut chess chesser chesson
    chester chestnut cheung chevalier chevez chew chewning chi chiang chiaramonte chiarello
    chiasson chichester chick chico chicoine chidester chien chiesa chilcote child childers
    childress childs chiles chill chilson chilton chin ching chinn chiodo chipman chipps chirico
    chisholm chism chisolm chittenden chittum chitty chitwood chiu chivers chmielewski chmura
    cho choate choe choi choice chojnacki chon chong choquette chou choudhury chouinard chow
    chowdhury choy chretien chrisman christ christen christensen christenson christian
    christiano christiansen christianson christie christman christmas christner christofferse
    christofferso christopher christopherso christy chronister chu chubb chumbley chumley chun
    chung chunn chupp church churchill churchwell chute cianciolo ciccone cicero cienfuegos
    cieslak cifuentes cilley cimino cinnamon cintron cioffi ciotti cipolla cipriani cipriano
    cirillo cirilo cisco cisneros cissell cistrunk citizen claar claassen clabaugh claborn clack
    claflin claiborne clair claire clairmont clancy clanton clapp clapper clardy clare clark
    clarke clarkson clary class classen clatterbuck claude claudio claunch claus clausen
    clausing clauson claussen clawson claxton clay clayborn clayborne claybrooks claycomb
    claypool claypoole clayson clayton claytor clear cleary cleaver cleaves cleek clegg cleghorn
    cleland clem clemens clement clemente clements clemmer clemmons clemons clendening clerk
    clermont cleveland clevenger clever clevinger clewis click client cliff clifford clift
    clifton climer clinard cline clinger clingerman clingman clink clinkscales clinton
    clodfelter cloer cloninger clontz clopton clore close closson clothier cloud clough clouse
    clouser cloutier clover clow clower clowers cloyd clubb cluck cluff clukey clune clute
    clutter clyburn clyde clymer clyne coach coachman coady coakley coan coates coats coaxum
    cobb cobbins cobble cobbs coberly coble cobos coburn coca cochran cochrane cockburn
    cockerham cockrell cockrum coco coddington coder cody coe coelho coello coen cofer coffee
    coffelt coffey coffield coffin coffman cofield cogan cogar cogburn cogdell cogdill coger
    coggin coggins coghill coghlan cogswell cohan cohee cohen cohn cohrs coil coke coker cokley
    cola colangelo colas colbert colburn colby colclough coldiron coldwell cole colegrove
    colella coleman coles coletti coley colgan colin coll collado collar collard collazo collett
    collette colletti colley collie collier colligan collin collings collins collinson
    collinsworth collis collison collman collum colman colmenero colombo colon colorado colosimo
    colpitts colquitt colson colston colter colton colucci columbia columbus colunga colvard
    colvin colwell colyer comacho combest combs comeau comeaux comer comerford comes comfort
    comiskey commander commons como compo compos compton comstock conant conard conatser conaway
    conboy concannon concepcion conde conder condie condit condon condra condrey condron cone
    conerly coney confer conforti congdon conger conigliaro coniglio conkle conklin conkling
    conlan conlee conley conlin conlon conn connally connell connelly conner conners connery
    connolly connor connors conover conrad conroy considine constable constance constant
    constantine constantino conte conti contreras converse convery conway conwell conyer conyers
    coogan cook cooke cooks cooksey cookson cool coolbaugh cooley coolidge coombs coomer coomes
    coon cooney coonrod coons coop cooper cooperman cooter coots coover copas cope copeland
    copenhaver copes copher coplan copland copley coplin copp coppa coppage coppedge copper
    coppin coppinger copple coppock coppola cora corbeil corbell corbett corbin corbitt corbo
    corby corchado corcoran cordeiro cordell corder cordero cordes cordle cordoba cordon cordova
    cordray core corea corey coria coriell cork corker corkery corl corle corlett corlew corley
    corliss cormack corman cormier corn cornejo cornelison cornelius cornell corner cornett
    cornette corning cornish cornman corns cornwall cornwell corona coronado coronel corp corpus
    corpuz corr corrado corral corrales correa correia correll corrigan corriveau corry corsi
    corso corson cort cortes cortese cortez cortina cortinas cortright corum corvin corwin cory
    coryell cosby cosentino cosenza cosey cosgrove cosme cosner cosper coss cossette cossey cost
    costa costales costantino costanza costanzo costas costello coster costigan costilla
    costillo costin costner coston cota cote cothern cothran cothren cotner coto cotta cotten
    cotter cottingham cottle cottman cotto cotton cottone cottrell cottrill couch couey coughlan
    coughlin coulombe coulson coulston coulter council countess countryman counts cournoyer
    coursey courson court courtemanche courter courtney courtois courtright courts courville
    coury cousar cousin cousins coutee couto couts coutu couture covarrubias covell covelli
    cover coverdale covert covey covin covington cowan cowans coward cowart cowden cowell cowen
    cowger cowgill cowherd cowie cowles cowley cowling cowman cox coy coyer coyle coyne cozad
    cozart crabb crabill crabtree cracraft craddock crader craft crafton crafts craig craighead
    crain craine cram cramer crampton crandall crandell crane craner craney cranford crank
    cranmer cranor cranston crary crase crass craven cravens craver craw crawford crawley cray
    crayton creager creagh creamer creasey creasman creason creasy credle cree creech creed
    creek creekmore creel creger creighton cremeans crenshaw crepeau crespin crespo cress
    cressey cresswell creswell crew crews cribb cribbs crichton crick criddle crider crigger
    crigler crim crimmins criner cripe crippen cripps crisci crisler crisman crisp crispin criss
    crissman crist cristobal criswell critchfield critchlow crites crittenden crittendon
    crivello croce crochet crocker crockett crofoot croft crofts croker croley croll cromartie
    cromer cromley crompton cromwell cron cronan crone cronin cronk crook crooker crooks croom
    crooms cropper crosby crose crosier croskey crosland crosley cross crossen crossett
    crossland crossley crosslin crossman crossno crosson crosswhite croston croswell croteau
    crothers crotts crotty crouch crouse crow crowder crowe crowell crowl crowley crown
    crownover crowson crowther croxton croy croyle crozier cruce crudup cruickshank cruise crum
    crumb crumble crumbley crume crumley crump crumpler crumpton crumrine crunk cruse crutcher
    crutchfield cruz cruzado cryer crystal cuadra cuadrado cubbage cuccia cudd cuddy cude cudjoe
    cudney cue cuellar cuesta cueto cueva cuevas cuff cuffee cuffie culberson culbert culbertson
    culbreath culbreth cull cullen cullens culler culley culligan cullinan cullins cullison
    cullum cully culotta culp culpepper culver culwell cumberbatch cumberland cumbie cumming
    cummingham cummings cummins cundiff cuneo cunha cunniff cunningham cuomo cupp cupples cupps
    curci curcio curd cureton curiel curl curlee curley curnutt curran curren currence current
    currey currie currier currin curry curtin curtis curtiss curto curtsinger cusack cushing
    cushman cusick cusson custard custer custis custodio cusumano cuthbert cuthbertson cutler
    cutlip cutrer cutright cutshall cutshaw cutter cutting cutts cuyler cybulski cypert cyphers
    cyr cyrus czajkowski czapla czarnecki czech czerwinski dabbs dabney dabrowski dacosta dacus
    daddario dade dagenais daggett dagostino dahl dahlberg dahle dahlen dahlgren dahlin dahlke
    dahlquist dahlstrom dahmen dahms daigle daigneault daigre dail dailey daily dake dalby dale
    dales dalessandro dalessio daley dalke dall dallas dalley dalrymple dalton daluz daly
    dalzell dam damato dambrosio dame dameron dames damian damiani damiano damico damm dammann
    damon damore dampier damron dan dana danaher dance dancer dancy dandrea dandridge dandy dane
    danek danford danforth dang dangelo dangerfield daniel daniell daniels danielson danis danko
    danley dann danna dannenberg danner danos dansby dansereau dant dantin dantonio dantzler
    danz danzy dao darbonne darby darcy dardar darden dare dargan dark darland darley darling
    darlington darnall darnell darosa darr darrah darrell darrington darrow darst dart darville
    darwin das dash dasher dashiell dashner dasilva dates dattilo daub daubert daugherty
    daughtery daughtrey daughtridge daughtry daulton daum dauphin dauphinais davalos dave
    davenport daves davey david davids davidson davie davies davila davilla davin davis davison
    davisson davy daw dawe dawes dawkins dawley dawn daws dawson day daye days dayton deacon
    deady deakins deal dealba dean deanda deane deangelis deangelo deans dear dearborn deardorff
    dearing dearman dearmond dearth deas deason deatherage deaton deaver deavers debellis
    deberry deblois debnam deboer debolt debord debose debusk decamp decarlo decaro decastro
    decesare dechant decicco deck deckard decker deckert declue decola decosta decoteau dedeaux
    dedman dedmon dedrick dee deeds deegan deel deem deemer deems deen deer deere deering dees
    deese deeter defalco defazio defelice defeo defilippo defoor deford deforest deforge
    defrancisco defranco defreitas degarmo degen degennaro degeorge degnan degraff degraffenreid
    degraw degree degregorio degroat degroot deguzman dehaan dehart dehaven deherrera dehn
    dehner dehoyos deines deitch deitz dejarnette dejean dejesus dejohn dejong dekker delacerda
    delacruz delafuente delagarza delahoussaye delamora delancey delaney delano delany delao
    delapaz delapena delariva delarosa delatorre delatte delaughter delaune delavega delay
    delbosque delcambre delcastillo delcid delee deleo deleon delfino delgadillo delgado delia
    delima delisle delk delker dell dellinger delmonte deloach deloatch deloera deloney delong
    delorenzo delorme delosreyes delossantos delozier delp delph delreal delrio delrosario
    delsignore deltoro deluca delucia deluna delvalle delvecchio demaio demar demarco demaree
    demarest demaria demaris demars demartini demartino demasi dematteo demby demello demelo
    dement demeo demers demery deming demko demmer demming demoss demott demps dempsey dempster
    demuth denault denby dendy dengler denham denis denison denk denker denman denmark denn
    dennard dennehy dennen dennett denney dennie denning dennis dennison denniston denny
    densmore denson dent denton denzer depalma depasquale depaul depaz depew depp depriest depue
    deputy depuy deramus derby dermody deroche derosa derose derosier derossett derouen derr
    derrick derrickson derrico derringer derry derryberry dery desai desalvo desanti desantiago
    desantis desch deschamp deschamps deschenes descoteaux deshazo deshields deshong deshotel
    desiderio desilets desilva desimone desir desjardins deskins deslauriers desmarais desmond
    desoto desousa desouza despain despres desrochers desroches desrosiers dessert destefano
    detrick dettman detweiler detwiler deutsch devane devaney devaughn devault deveau dever
    devera devereaux devers deville devine devinney devita devito devitt devlin devoe devore
    devos devries dew dewald dewall dewalt dewar dewberry dewees deweese dewey dewitt dewolf
    dewolfe dewoody dews dexter dey deyo deyoung dial dials diamond diana dias diaz dibble
    dibella dibenedetto dibiase diblasi dicarlo dice dick dicken dickens dickenson dickerman
    dickerson dickert dickey dickie dickinson dickison dickman dicks dickson dicus didomenico
    didonato diebold diederich diedrich diego diehl diemer diener diep dierking dierks dieter
    dietrich dietrick dietz diez difiore difranco digby digennaro diggins diggs digiacomo
    digiovanni digirolamo digregorio dike dilbeck dilday dildy dileo dill dillard dille diller
    dilley dillinger dillingham dillion dillman dillon dillow dills dilorenzo dilworth dimaggio
    dimarco dimartino dimas dimatteo dimattia dimauro dimick dimmick dimond dinan dinapoli
    dinardo dineen dines dinger dinges dingess dingle dingler dingman dingus dinh dinkel dinkins
    dinsmore dinwiddie dion dionisio dionne diorio dipalma dipaola dipaolo dipasquale dipietro
    direnzo dirks dirksen disalvo disanto dishman dishon disla dismuke dismukes disney dison
    distefano ditch dittman dittmar dittmer ditto dittrich ditullio dively divers divine divito
    dix dixion dixon dixson dizon do doak doan doane dobbins dobbs dobos dobson doby dock
    dockery dockins doctor dodd dodds dodge dodgen dodrill dodson doe doering doerr dogan
    doggett doherty dohrmann doi doiron dolan dolby dolce dole doles dolezal dolin doll dollar
    dollard dollinger dolloff dolly dolph dolphin dolson doman dombroski dombrowski domenech
    domenico domingo domingue domingues dominguez dominick dominique domino dominquez dominy don
    donaghy donahoe donahue donald donaldson donalson donati donato donegan donelson doner dones
    doney dong donis donley donlon donmoyer donnell donnellan donnelly donner donofrio donoghue
    donoho donohoe donohue donovan doody doolan dooley doolin doolittle dorado doran dorazio
    dore dorey dorfman dorgan doria doris dority dorman dorn dorner dorothy dorr dorrance dorris
    dorrough dorsch dorsett dorsey dortch dorton dory dosch doss dossantos dossett dostal doster
    dostie doten dotson dotts doty doubleday doucet doucette doud dougan dougherty doughty
    douglas douglass douse douthit douthitt dove dover doverspike dow dowd dowdell dowden dowdle
    dowdy dowe dowell dowler dowling downard downer downes downey downie downing downs doxey
    doyal doyle doyon dozier draeger drago dragon dragoo drain drake drakeford drakes drane
    drapeau draper draughn draves dray drayer drayton drees dreher dreiling drennan drennen
    drennon dress dresser dressler drew drewes drewry drews drexler dreyer driggers driggs
    drinkard drinnon driscoll driskell driskill driver drolet drost drouin drown drozd drucker
    drum drumheller drumm drummer drummond drury dry dryden drye dryer drysdale du duarte dubay
    dube dubin dubinsky dublin dubois dubose dubreuil dubuc dubuisson dubuque duby duca ducan
    ducharme duchene duchesne duck ducker duckett ducksworth duckworth duclos ducote duda dudash
    dudek dudgeon dudley due duell duenas duerr duet dufault duff duffey duffield duffin duffy
    dufour dufrene dufresne dugan dugas duggan dugger duggins duguay duhart duhon duke dukes
    dulac dulaney duley dulin dull dumais dumas dummer dumond dumont dunagan dunavant dunaway
    dunbar duncan duncanson dundas dunfee dunford dungan dunham dunigan dunkel dunkelberger
    dunkin dunkle dunkley dunklin dunlap dunleavy dunlop dunmire dunmore dunn dunnam dunne
    dunneback dunnigan dunning dunphy dunson dunston dunton duong duplantis duplessis dupont
    duppstadt dupras dupre dupree duprey dupuis dupuy duque duquette duran durand durant durante
    durazo durbin durden duren durfee durgan durgin durham durkee durkin durocher duron durr
    durrah durrant durrett durso durst duryea dusek dussault dustin dutcher dutil dutra dutton
    duty duval duvall dvorak dwight dwyer dy dyal dyar dyck dycus dye dyer dyess dyke dykema
    dykes dykstra dysart dyson dziedzic eaddy eades eadie eads eady eagan eager eagle eaglin
    eaker eakes eakin eakins ealey ealy eames eanes eargle earhart earl earle earles earley
    earls early earnest earnhardt earnshaw earp earwood easley eason east eastburn eastep easter
    easterday easterling easterly easterwood eastham eastin eastland eastman easton eastridge
    eastwood eatman eatmon eaton eaves ebbert ebel ebeling eberhard eberhardt eberhart eberle
    eberly ebersole ebert ebling ebner ebron eby eccles eccleston echavarria echevarria
    echeverria echols eck eckard eckart eckel eckenrode ecker eckert eckhardt eckhart eckhoff
    eckler eckles eckley ecklund eckman eckstein ector eddie eddings eddington eddins eddleman
    eddy edelen edelman edelson edelstein eden edenfield edens eder edgar edge edgell edgerly
    edgerton edgin edgington edick edie edinger edington edison edler edman edmiston edmond
    edmonds edmondson edmonson edmunds edmundson edney edson edward edwards edwin eells efird
    egan egbert eger egerton eggen egger eggers eggert eggleston eguia ehlers ehlert ehmann
    ehrenberg ehret ehrhardt ehrhart ehrlich eich eichelberger eicher eichhorn eichler eichner
    eichorn eickhoff eide eidson eiland eiler eilerman eilers eisele eisen eisenbarth eisenberg
    eisenhart eisenhauer eisenhower eisenman eisenstein eisner ek eklund ekstrom elam elamin
    elbert elder elders eldred eldredge eldridge elem eley elgin elia elias eliason elie
    elizalde elizondo elkin elkins elks ellard elledge ellefson ellenberger ellenburg ellender
    eller ellerbe ellerbee ellerman ellett ellinger ellingson ellingsworth ellington elliot
    elliott ellis ellison elliston ellman ells ellsworth ellwood ellzey elmer elmore elms elrod
    elsass elsberry elsea elser elsey elsner elson elston elswick elton elwell elwood ely elzey
    elzy emanuel emberton embree embrey embry emerick emerson emert emery emig emigh emmanuel
    emmer emmerich emmert emmett emmons emond emory emrich emrick encarnacion encinas enciso
    enders endicott endo endres endsley eng engebretson engel engelbrecht engelhardt engelke
    engelman engelmann engels engen enger england engle englehart engleman engler englert engles
    english englund engman engram engstrom enloe enlow ennis eno enoch enochs enos enright
    enriquez ensign ensley ensminger ensor entrekin entwistle enyeart eoff epley epling epp
    epperly epperson eppinger eppler epps epstein erazo erb erbe erby erdman erdmann erhardt
    erhart ericksen erickson ericson eriksen erikson erlandson erler ernest ernst errico erskine
    ertel ertl ervin erving erwin escalante escalera escalona escamilla escarcega escobar
    escobedo escoto escudero eshelman eshleman eskew eskridge eslick eslinger espada espana
    esparza esperanza espey espinal espino espinosa espinoza espiritu espitia esposito espy
    esqueda esquer esquibel esquivel essary esser essex estabrook esteban estell estelle estep
    estepp ester esterly esters estes esteves estevez estey estill estrada estrella etchison
    etheredge etheridge etherton ethier ethridge etienne etter ettinger etzel eubank eubanks
    eudy eugene euler eure eurich eury eusebio eustice evan evangelista evanoff evans evatt
    eveland evelyn even evens evenson everett everette everhart everitt everly everman evers
    eversole everson evert everton everts eves evins ewald ewalt ewart ewell ewen ewers ewert
    ewing exley exline exum eye eyler eyman eyre ezell ezzell fabela faber fabian fabiano fabre
    fabrizio fabry facer fackler factor fader fagan fager fagg fagin fagundes fahey fahy failla
    fails fain fair fairbairn fairbank fairbanks fairchild faircloth fairfax fairfield fairley
    fairman fairweather faison faith fajardo falbo falco falcon falcone falconer fales falgoust
    falgout falk falkner fall faller fallin fallis fallon falls falzone fambro fan fancher fane
    fanelli fang fankhauser fann fannin fanning fansler fant farah farber farfan fargo farhat
    faria farias farina faris farish farkas farley farlow farmer farner farney farnham
    farnsworth farnum farquhar farr farrand farrar farrel farrell farrelly farren farrer farrier
    farrington farrior farris farrish farrow farthing farwell fasano fasching fason fassett fast
    faucett faucette faucher faught faul faulk faulkner faulks fauntleroy faust fauver fava
    favela favorite favors favreau faw fawcett fay fazio feagin fearn fearon fears feaster
    feather feathers featherston featherstone febus fecteau feddersen fedele feder federico
    fedler fedor fee feeley feely feemster feeney fegan fegley feher fehr feinberg feingold
    feinstein feist felan feld felder feldman feldmann feldstein feldt felice feliciano felipe
    felix feliz felker fell feller fellers fellman fellows fells felt felten feltman feltner
    felton felts felty fender fenderson fendley feng fenimore fenley fenn fennell fenner fenske
    fenster fenstermacher fenstermaker fenton fentress fenwick ferber ferdinand ferebee
    fergerson fergus ferguson ferland fermin fern fernald fernandes fernandez fernando ferrante
    ferranti ferrara ferrari ferraro ferree ferreira ferrel ferrell ferrer ferrera ferreri
    ferrero ferretti ferri ferrier ferriera ferrigno ferrill ferrin ferris ferro ferron ferry
    fessenden fessler festa fett fetter fetterman fetters fetty fetzer feuerstein few fewell fey
    fiala fichter fick fickes ficklin fidler fiecke fiedler field fielden fielder fielding
    fields fierro fierros fife fifer fifield figaro figeroa figgs figueiredo figueredo figueroa
    fike fikes file filer files filip filkins filler fillion fillman fillmore filson fimbres
    finamore finan finch fincham fincher finck findlay findley fine finger fink finkbeiner finke
    finkel finkelstein finkle finklea finks finlay finlayson finley finn finnegan finnell
    finnerty finney finnie fiore fiorentino fiorillo fiorini fiorito fiqueroa firestone firkins
    firth fisch fischer fiscus fish fishback fishburn fishel fisher fishman fisk fiske fitch
    fitchett fite fitting fitts fitz fitzgerald fitzgibbon fitzgibbons fitzhugh fitzmaurice
    fitzpatrick fitzsimmons fitzwater fix fizer flach flack flagg flaherty flake flakes flanagan
    flanary flanders flanery flanigan flannagan flannery flannigan flatt flaugher flavin flax
    fleck fleckenstein fleeman fleener fleenor fleet fleetwood fleischer fleischman fleischmann
    fleisher fleishman fleming flemings flemister flemming flesher fleshman fletcher fleury
    flick flickinger flinchbaugh flinchum flinn flint flippen flippo flock flohr flood flor
    flora florence flores florez florian florio flory flournoy flower flowers floyd fludd
    fluellen fluharty fluitt fluker flury fly flynn flynt flythe fobbs focht fodor foerster
    fogarty fogel fogg fogle fogleman foland folden foley folger folk folkerts folkes folks
    follansbee follett follis follmer folmar folse folsom foltz fomby fonda fondren fong fonseca
    font fontaine fontana fontanez fontenot fontes fonville foor foos foote footman foran forand
    forbes forbis forbus forbush force forcier ford forde fordham fordyce fore forehand foreman
    forest forester foret forgey forgione forman forney forrest forrester forsberg forshee
    forsman forst forster forsyth forsythe fort forte fortenberry fortes forth fortier fortin
    fortino fortner fortney fortson fortuna fortunato fortune forward fosdick foshee foskey foss
    fossett fossum foster foti fouch fouche foulds foulk foulks fountain fournier fouse foushee
    foust fout foutch fouts foutz fowler fowles fowlkes fox foxwell foxworth foxx foy foye frady
    fraga fragoso fraher frahm frailey fraire fraise fraizer frakes fraley fralick frame
    frampton france frances francis francisco franck franco francois frandsen frank franke
    frankel franklin franko franks franqui fransen franson frantz franz franzen frary frase
    fraser frasher frasier frasure frates frausto frawley fray frazee frazer frazier freas
    frechette fred freda frederick fredericks fredericksen frederickson fredette fredrick
    fredricks fredrickson free freeborn freed freedman freel freeland freels freeman freer
    freese freeze fregoso frei freitag freitas fremont french frenette frenzel frerichs frese
    freshour freshwater fresquez fretwell freudenburg freund frew frey friar frias frick fricke
    fricks friday friddle fridley fried friedel friedland friedlander friedman friedrich friel
    friend frier frierson fries friese friesen frigo friley frink frisbee frisbie frisby frisch
    frisina frisk frison fritch frith fritsch fritsche fritts fritz fritze fritzler frizzell
    froehlich froelich froman fromm fronk frost fruge fry fryar frye fryer fryman fu fuchs fudge
    fuell fuentes fuentez fugate fuhr fuhrman fujii fujimoto fujita fujiwara fulbright fulcher
    fulford fulgham fulghum fulk fulkerson fulks fullbright fullen fuller fullerton fullilove
    fullmer fullwood fulmer fulmore fulp fulton fults fultz funari funches funchess funderburg
    funderburk funes fung funk funke funkhouser fuqua fuquay furey furguson furlong furlow
    furman furness furr furrow furry furst furtado fusco fuselier fuson fussell fuston futch
    futral futrell fye fyfe fyffe gabaldon gabbard gabbert gabel gable gabler gabor gabriel
    gabriele gabrielson gadberry gadbois gadd gaddis gaddy gadsden gadson gaertner gaeta gaffney
    gafford gage gagliano gagliardi gagne gagner gagnier gagnon gahagan gaier gailey gaillard
    gain gainer gaines gainey gains gaiser gaitan gaiter gaither gajewski galan galante galarza
    galasso galaviz galaz galbraith galbreath galdamez gale galeana galeano galentine gales
    galey galgano galiano galicia galindo galipeau gall gallager gallagher gallaher gallant
    gallardo gallaway galle gallego gallegos galles galli gallien galligan galliher gallimore
    gallion gallman gallo gallop galloway gallucci gallup galusha galvan galvez galvin galyean
    galyon gama gamache gambill gambino gamble gamblin gamboa gambrel gambrell games gamez
    gamino gammage gammill gammon gammons gan gandara gander gandhi gandy ganey ganley gann
    gannaway gannon gano gans gant gantt gantz ganz gao gaona garay garbarino garber garbutt
    garceau garces garcia gard gardea gardella garden gardener gardenhire gardin gardiner
    gardner garduno garett garey garfield garfinkel gargano garibay garica gariepy garland
    garlick garling garlock garlow garman garmon garneau garner garnes garnett garney garnica
    garofalo garon garoutte garr garrard garraway garren garret garretson garrett garrick
    garrido garriga garriott garris garrison garrity garrow garry garst garten garth gartland
    gartman gartner garton garver garvey garvin garwood gary garza garzon gasaway gascon gaskell
    gaskill gaskin gaskins gaspar gaspard gasper gass gassaway gasser gassett gast gastelum
    gaston gately gates gatewood gathers gatlin gatling gatson gatti gattis gatto gatton gaudet
    gaudette gaudreau gauger gaughan gaul gaulke gault gauna gaunt gauntt gause gauthier gautier
    gautreau gautreaux gauvin gaver gavin gaw gay gayden gaydos gayer gayhart gayle gaylor
    gaylord gayman gaymon gaynor gaytan gayton gazaway gean gearhart gearheart geary gebhard
    gebhardt gebhart gebo geddes geddie gee geer geesey gehl gehlert gehring gehrke geib geibel
    geier geiger geil geis geise geiser geisler geissler geist gelb gelinas geller gelman
    gemmill genao gendreau gendron genest gengler geno genova genovese gent genthner gentile
    gentle gentner gentry geoghegan george georges gephart gerace geraci geraghty gerald gerard
    gerardi gerber gerdes geren gerena gerhard gerhardt gerhart gerke gerken gerlach gerling
    germain german germann germano germany gerner gero gerow gerrard gerrish gerrity gerry
    gerson gerst gerstein gerstner gerth gertz gervais gess gessner getchell geter gethers
    gettinger getty gettys getz geyer ghee ghent gholson gholston giambrone giancola giannini
    giannone giardina gibb gibbens gibbon gibbons gibbs gibby giblin gibney gibson giddens
    giddings gideon gidley gidney gies giese giesen giffin gifford gift giglio gigliotti giguere
    gil gilbert gilbertson gilbreath gilchrist gilcrease gildea gilden gilder gildersleeve gile
    giles gilfillan gilford gilham gilkes gilkey gill gillam gillan gilland gillard gilleland
    gillen gillenwater gilles gillespie gillett gillette gilley gillham gilliam gillian gilliard
    gillie gillies gilligan gilliland gillingham gillins gillis gillison gillispie gillman
    gillmore gillock gillon gills gillum gilman gilmartin gilmer gilmore gilmour gilpin gilreath
    gilroy gilson gilstrap giltner gilyard gimbel gimenez ginder gines gingerich gingras
    gingrich ginn ginsberg ginsburg ginter ginther ginyard gioia giordano giorgi gipe gipson
    giraldo girard girardi giron girouard giroux girton gish gisi gist gittens giuliani giuliano
    giunta giusti givan given givens gladden gladding glade gladney gladson gladstone glancy
    glanton glantz glanz glasco glaser glasgow glasper glaspie glass glasscock glasser glassman
    glatt glaude glaze glazer glazier gleason gleaton gleaves gledhill gleeson glen glenn
    glennon glessner glick glickman glidden glidewell glines glisson gloria gloss gloster glover
    glowacki gluck glynn go goad gobeil gobel gober gobert gobin goble gochenour godbey godbold
    godbolt godbout godby goddard godfrey godin godina godines godinez godley godoy godsey
    godwin goebel goehring goering goetsch goetz goff goforth goggans goggin goggins goguen
    goheen goin goines goings goins gokey gold goldberg goldblatt golden goldenberg golder
    goldfarb goldie golding goldman goldner goldsberry goldsborough goldsby goldschmidt
    goldsmith goldstein goldston goley golightly goll golla golliday golson golston golub gomer
    gomes gomez goncalves gonce gong gongora gonsales gonsalez gonsalves gonser gonyea gonzalas
    gonzales gonzalez goo gooch good goodale goodall goode goodell gooden goodenough goodfellow
    goodin gooding goodlett goodloe goodlow goodman goodner goodnight goodrich goodridge goodrow
    goodrum goods goodsell goodson goodspeed goodwill goodwin goodwyn goodyear googe goolsby
    goosby gorby gordan gorden gordillo gordon gordy gore gorecki goree gorham goris gorman
    gormley gorney gorrell gorski gorsuch gorton gose gosha goshorn goslin gosnell gosney goss
    gossage gossard gosselin gosser gossett gossman gotcher gothard goto gott gottfried gottlieb
    gottschalk goucher goudeau goudreau goudy gouge gough gouin goulart gould goulding goulet
    goulette gourdine gourley gouveia govan gove govea gow gowan gowans gowdy gowen gower gowin
    gowins goyette goza graber grabill grable grabowski grace gracey gracia graddy grado grady
    graf graff graffam grafton gragg graham grahm graig grainger grajeda gram grammer grams gran
    granado granados granata granberry grand granda grandberry grande granderson grandison
    grandstaff grandy graney grange granger granier granillo grant grantham granville grass
    grasser grassi grasso grasty grate gratton grau gravatt gravel gravelle gravely graver
    graves gravitt gravley gravois gray graybeal graybill grayer grays grayson graziani graziano
    greaney grear greathouse greaves greco greear greek greeley green greenawalt greenbaum
    greenberg greenblatt greene greenfield greenhalgh greenhaw greenhill greenidge greening
    greenland greenlaw greenleaf greenlee greenly greenman greeno greenough greenspan greenstein
    greenwald greenwalt greenway greenwell greenwood greer greeson gregg greggs grego gregoire
    gregor gregorio gregory gregson greig greiner grell gremillion grenier grenz gresham gress
    greve grey gribble grice grider gridley grieco griego grier gries grieve griffen griffeth
    griffey griffie griffin griffing griffis griffith griffiths grigg griggs grigsby grijalva
    grill grillo grim grimaldi grimaldo grimes grimley grimm grimmer grimmett grimshaw grimsley
    grinder grindle grindstaff griner grinnell grinstead grisby grise grisham grissett grissom
    grist griswold gritton grizzard grizzle groat groce groen groesbeck groff grogan grogg groh
    groleau grondin groner groom grooms groover gros grose groseclose gross grosse grossi
    grossman grosso grosvenor grosz grote groth grothe grounds grout grove grover groves grow
    grubb grubbs grube gruber grullon grund grundy grunewald grunwald gruver gryder guadalupe
    guajardo gualtieri guan guard guardado guardiola guarino guay gudino guel guenther guercio
    guerette guerin guernsey guerra guerrera guerrero guerrette guerrier guerriero guerro
    guertin guess guest guevara guffey guglielmo guice guida guidi guido guidry guild guilford
    guill guillaume guillemette guillen guillermo guilliams guillory guillot guillotte guimond
    guin guinan guinn guinyard guion guiterrez guitierrez guizar gula gulbranson gulick gulledge
    gullett gullette gulley gullickson gullion gullo gully gum gumbs gumm gump gunderson
    gundlach gunn gunnell gunnells gunnels gunning gunter gunther guo gupta gupton gurganus
    gurley gurney gurrola gurule guse gusman guss gust gustafson gustavson gustin guth guthridge
    guthrie gutierez gutierres gutierrez gutirrez gutman gutowski gutshall guy guyer guyette
    guynn guyton guzik guzman guzzi gwaltney gwin gwinn gwyn gwynn ha haack haag haak haakenson
    haar haas haase haber haberman habib hack hackbarth hacker hackett hackler hackman hackney
    hackworth haddad hadden haddix haddock haddox haden hadfield hadley hadlock hadnot hadsell
    haefner hafer haffey haffner hafford hafley hafner haga hagaman hagan hagans hagar hagberg
    hage hagedorn hageman hagemann hagen hager hagerman hagerty haggard haggerty haggins hagins
    hagler haglund hagood hagopian hagstrom hague hagwood hagy hahn hahne haider haig haigh
    haight haigler hail haile hailey hain haines hair haire hairston haislip haith hajek hakala
    hake hakes halbert halcomb haldeman hale hales haley halfacre halford haliburton hall
    halladay hallam hallberg halle hallenbeck haller hallett halley hallford halliburton
    halliday halligan hallinan hallman hallmark hallock halloran halloway hallowell halls hallum
    halperin halpern halpin halsey halstead halsted halter halterman haltom halton halverson
    halvorsen halvorson ham hamada haman hamann hamblen hambleton hamblin hambly hambrick
    hambright hamburg hamburger hamby hamdan hamed hamel hamer hames hamid hamil hamill hamilton
    hamler hamlet hamlett hamlin hamm hammack hamman hammel hammer hammers hammes hammett
    hammill hammitt hammock hammon hammond hammonds hammons hammontree hamner hamon hampson
    hampton hamrick han hance hanchett hancock hand handel handler handley handy haner hanes
    haney hanford hang hanger hank hanke hankerson hankins hankinson hanks hanley hanlin hanlon
    hann hanna hannaford hannah hannan hanneman hanner hanney hannigan hanning hannon hannum
    hanover hanrahan hans hansard hanscom hansel hansell hanselman hansen hansford hanshaw
    hansley hanson happel hara harada haralson harari harbaugh harber harbert harbin harbison
    harbor harbour harbuck hard hardage hardaway hardcastle hardee hardeman harden harder
    hardesty hardie hardiman hardin harding hardison hardman hardnett hardrick hardt hardwick
    hardy hare harewood harford harger hargett hargis hargrave hargraves hargreaves hargrove
    haring haris harjo harker harkey harkins harkleroad harkless harkness harlan harland harless
    harley harlow harman harmer harmon harms harn harnden harned harner harness harney harnish
    harnois haro harold harp harpe harper harpole harpster harr harrah harrel harrell harrelson
    harrigan harrill harriman harring harrington harris harrison harriss harrod harrold harrop
    harrow harry harsh harshaw harshbarger harshman hart harte harter hartfield hartford hartig
    hartigan hartin harting hartl hartle hartley hartline hartman hartmann hartness hartnett
    harton hartsell hartsfield hartshorn hartsock hartt hartung hartwell hartwick hartwig harty
    hartz hartzell hartzler hartzog harvard harvell harvey harvill harville harvin harward
    harwell harwood hasan hasbrouck hasegawa hash hashimoto haskell haskett haskin haskins
    haslam hasler haslett hass hassan hasse hassel hassell hassen hassett hassinger hassler
    hasson hasting hastings haston hasty hatch hatchell hatcher hatchett hatfield hathaway
    hathcock hathorn hatley hatmaker hatt hattaway hatten hatter hatton hau haubert haubrich
    hauck hauer haug hauge haugen haugh haughey haught haughton haugland hauk haun haupt
    hauptman hause hauser hausman hausmann havard havel haveman haven havener havens haviland
    hawbaker hawes hawk hawke hawker hawkes hawkin hawkins hawkinson hawks hawley hawn haworth
    haws hawthorn hawthorne hay hayashi haycraft haydel hayden haydon hayek hayes haygood
    hayhurst hayles hayman hayne hayner haynes haynie hays hayse hayslett hayter hayton hayward
    haywood hayworth hazard hazel hazelip hazeltine hazelton hazelwood hazen hazlett hazlewood
    hazley hazzard he heacock head headen headlee headley headrick heady heal heald healey healy
    heaney heap heaps heard hearn hearne hearns hearon hearst heart heasley heater heath heather
    heatherly heaton heavener heavner hebb heberling hebert hebron hecht heck heckard heckart
    heckathorn heckel hecker heckler heckman heckstall hector hedberg hedden hedge hedgepeth
    hedges hedin hedley hedlund hedman hedrick hedstrom heenan heer heeter heffernan heffington
    heffner heffron hefley heflin hefner hegarty heger hegg hegland hegwood heid heide heidel
    heidelberg heideman heiden heidenreich heider heidler heidrick heidt heier height heikkinen
    heil heilig heilman heim heiman heimann heimbach heims hein heine heineman heinemann heinen
    heiner heinlein heinrich heins heintz heintzelman heinz heise heiser heisler heiss heist
    heitman heitmann heitz heitzman held heldt helfer helfrich helgeson helland hellard helle
    heller hellickson hellman hellwig helm helman helmer helmers helmick helms helmuth helsel
    helsley helstrom helt helton helvey helwig helzer hembree hemby hemenway hemingway hemmer
    hemming hempel hemphill hempstead henault hendershot henderson hendley hendon hendren
    hendrick hendricks hendrickson hendrix hendry henegar heng henke henkel henkle henley
    henline henn henne hennen hennessey hennessy hennig hennigan henning henninger hennings
    hennis henrich henrichs henricks henrickson henriksen henriques henriquez henry hensel
    hensen henshaw henslee hensler hensley henson hentges henthorn henton hentz hepburn hepler
    hepner hepp heppner hepworth her herald herb herbert herbst herd herdon heredia hereford
    hering herlihy herman hermann hermanson hermes hermosillo hern hernadez hernandes hernandez
    herndon herod herold heron heroux herr herrell herren herrera herrick herrin herring
    herrington herrman herrmann herrod herron hersey hersh hershberger hershey hershman hersom
    hertel hertz hertzler hertzog hervey herz herzberg herzig herzog heskett heslin hess hesse
    hesser hession hessler hesson hester heston hetherington hetrick hettinger hetzel heuer
    heuser hewes hewett hewitt hewlett hey heyer heyman heyward heywood hiatt hibbard hibbert
    hibbitts hibbler hibbs hibler hibner hice hick hickerson hickey hickle hicklin hickman
    hickmon hickok hickox hicks hickson hidalgo hiebert hier hiers hiett higa higbee higby
    higdon higgin higginbotham higgins higginson higgs high higham highfill highland highsmith
    hight hightower higley higuchi higuera hilaire hilario hilbert hilburn hild hildebrand
    hildebrandt hildebrant hilderbrand hildreth hile hileman hiles hilger hill hillard hille
    hillen hillenbrand hiller hillery hilley hillhouse hilliard hillier hilliker hillis hillman
    hills hillyard hillyer hilson hilt hiltner hilton hilty hiltz hilyard himes hinch hinckley
    hinderliter hindle hindman hinds hine hiner hinerman hines hinkel hinkle hinkley hinkson
    hinman hinnant hinnenkamp hinojos hinojosa hinrichs hinshaw hinson hinton hintz hintze hinz
    hinze hiott hipp hipple hipps hirai hirano hird hires hirsch hirschman hirsh hirst hirt
    hirth hise hiser hisey hisle hitch hitchcock hitchens hite hites hitt hittle hitz hively hix
    hixon hixson ho hoadley hoag hoagland hoaglin hoang hoar hoard hoban hobart hobbs hobby
    hobdy hobgood hobson hoch hochstetler hock hockaday hockenberry hockensmith hocker hockett
    hocking hockman hocutt hoda hodapp hodder hodgdon hodge hodges hodgin hodgins hodgkins
    hodgkinson hodgson hodnett hodo hodson hoefer hoeft hoehn hoehne hoekstra hoelscher hoeppner
    hoerner hoerr hoey hofer hoff hoffer hoffman hoffmann hofman hofmann hofmeister hofstetter
    hogan hogans hoge hogg hoggan hoggard hoggatt hogge hogle hoglund hogsett hogue hohl hohman
    hohn hoisington hokanson hoke holahan holbert holbrook holcomb holcombe holden holder
    holderman holding holdren holdsworth hole holeman holen holford holgate holguin holiday
    holifield holiman holl holladay holland hollander hollandsworth hollar hollars hollaway
    holle holleman hollen hollenbeck holler holleran holley holliday hollie hollier hollifield
    holliman hollinger hollingshead hollingsworth hollins hollis hollister hollman holloman
    hollomon hollon holloway hollowell holly holm holman holmberg holmes holmgren holmquist
    holmstrom holoman holquin holscher holsey holsinger holst holstein holston holt holte holter
    holthaus holtman holton holts holtz holtzclaw holtzman holub holyfield holz holzer holzman
    hom homan homer homes honaker honda hone honea honey honeycutt hong honig honore hood hook
    hooker hooks hooley hooper hoopes hoops hoose hooser hoosier hooten hooton hoots hoover hope
    hopes hopkin hopkins hopp hoppe hopper hoppes hopping hopps hopson hopwood horace horak
    horan hord horgan horman horn hornback hornbeck hornberger hornbuckle horne horner horney
    hornick horning hornsby hornung hornyak horowitz horrell horrocks horsley horst horstman
    horta horton horvath horwitz hose hosea hosey hosford hosier hoskin hosking hoskins
    hoskinson hosler hosley hosmer hoss host hostetler hostetter hotaling hotard hotchkiss hott
    hottinger hou houchens houchin houchins houck houde hough houghtaling houghton houk houle
    houlihan houpt house householder houseknecht housel houseman houser housley housman houston
    houtz hove hover hovey hovis howard howarth howe howell howells hower howerton howery howes
    howey howie howington howland howle howlett howley howse howser howton howze hoxie hoy hoye
    hoyer hoyle hoyos hoyt hruby hruska hsieh hsu hu hua huang huard hubbard hubbell hubbert
    hubble hubbs huber hubert hubler hubner huck huckabee huckaby huckins hucks huckstep hudak
    huddle huddleston hudgens hudgins hudkins hudnall hudock hudson hudspeth huebner huerta
    huertas huey huff huffaker huffer huffine huffman hufford huffstetler hufnagel hug huges
    huggard huggins hugh hughes hughey hughley hughs hugley hugo huguley huhn hui huie huitt
    huizar huizenga hukill hulbert hulett huling hulings hull hullinger hulme huls hulse hulsey
    hultgren hultman hults human humbert humble hume humes humiston hummel hummell hummer
    humphery humphrey humphreys humphries hund hundley hundt huneycutt hung hungate hunger
    hungerford hunley hunn hunnicutt hunsaker hunsberger hunsicker hunsinger hunsucker hunt
    hunter huntington huntley huntsberry huntsman hunziker huot hupp hurd hurdle hurlbert
    hurlburt hurlbut hurley hurn hursey hurst hurt hurtado hurtt hurwitz husband husby huse
    huseby huseman husk huskey huskins husman huson huss hussain hussey hust husted huston
    hutchcraft hutchens hutcherson hutcheson hutchings hutchins hutchinson hutchison huth
    hutsell hutson hutt hutter hutto hutton hutzler hux huynh hwang hy hyatt hyde hyden hyder
    hyer hyland hyler hylton hyman hymel hymes hynes hypes hyre hysell hyslop hyun iacovelli
    ibanez ibarra ibrahim ice icenhour ickes iddings ide ifill iglesias ignacio igo ihle ikard
    ikeda ikner iler iles iliff im imai iman imel imes imhoff imler immel inabinet ince ines
    infante ingalls inge ingersoll ingham ingle ingles inglis ingraham ingram ingrassia iniguez
    inman innes innis inniss innocent inoue inouye insley iorio ippolito iraheta irby ireland
    irick irion irish irizarry irons irvin irvine irving irwin isaac isaacs isaacson isabel
    isabell isabelle isakson isbell isenberg isenhour iser isham ishee ishida ishii ishmael
    islam islas isler isley ismail isom ison israel isreal issa issac ito ivers iversen iverson
    ivery ives ivey ivie ivory ivy iwamoto izaguirre izquierdo izzi izzo jablonski jacinto jack
    jackman jacks jackson jaco jacob jacobi jacobo jacobs jacobsen jacobson jacobus jacoby
    jacques jacquet jacquez jaeger jaffe jager jagger jaggers jahn jahnke jaime jaimes jain
    jakes jakubowski jalbert jamal jamar jamerson james jameson jamieson jamison jan janda
    jandreau janelle janes jang janicki janik janis janke jankowski janney janousek jansen
    janson janssen jansson jantz jantzen january janus janzen jaques jaquez jara jaramillo
    jarboe jardine jared jarman jarmon jarnagin jarnigan jarosz jarrard jarrell jarrells jarrett
    jarvis jasinski jasmin jason jasper jasso jauregui javier jaworski jay jayne jaynes jean
    jeanbaptiste jeanes jeanlouis jeanpierre jeans jefcoat jeffcoat jefferies jeffers jefferson
    jeffery jefferys jeffords jeffrey jeffreys jeffries jelinek jelks jellison jemison jenkin
    jenkins jenkinson jenks jenner jennette jenney jenning jennings jenny jensen jenson jent
    jeon jeppesen jepsen jepson jeremiah jerez jerkins jernigan jerome jerry jeske jess jesse
    jessee jessen jessie jessop jessup jester jesus jeter jett jetton jewell jewett jhonson
    jiang jiles jim jimenes jimenez jimerson jiminez jimison jimmerson jin jinks jiron jo
    joachim job jobe jock joe johannes johannsen johansen johanson johansson john johns johnsen
    johnson johnston johnstone johson joiner joines jolicoeur jolin jolley jolliff jolly joly
    jonas jone jones jonson joplin jordahl jordan jorden jordon jorge jorgensen jorgenson jose
    joseph josephs josephson josey joshi joshua joslin joslyn jost joubert jourdan journey
    jowers jowett joy joyal joyce joyner jozwiak juan juarez judah judd jude judge judkins judon
    judson judy juergens juhasz juhl jules julia julian juliano julien julius july jump jumper
    jun june juneau jung junior junious junker junkin junkins jurado jurek jurgens jurgensen
    jury jusino just justice justin justiniano justis justus kaba kaczmarek kaczor kadlec kaelin
    kagan kahl kahle kahler kahn kail kain kaiser kalb kale kaler kalinowski kalish kallas
    kalman kam kamen kamin kaminski kaminsky kamm kammer kammerer kamp kamps kan kanagy kane
    kaneshiro kang kangas kania kanode kanter kantner kantor kao kapinos kaplan kapoor kapp
    kappel kappler karam karas karcher kardos karg karim karl karle karlin karls karlson karn
    karnes karns karp karpinski karr karst karsten kash kaspar kasper kass kasten kaster kastner
    kates kato katz katzer katzman kauffman kaufman kaufmann kaul kautz kavanagh kavanaugh
    kawakami kawamoto kawamura kay kaya kaye kaylor kays kayser kea keach keagle kean keane
    keaney kear kearney kearns kearse keasler keating keaton keck kee keeble keebler keech keefe
    keefer keegan keel keele keeler keeley keeling keels keely keen keenan keene keener keeney
    keenum kees keese keesee keesler keeter keeton keever keffer kegler kegley kehl kehoe keifer
    keil keim keiper keiser keisler keister keith keithley keitt kelch kelemen kell kellam
    kellar kelleher kellems keller kellerman kellett kelley kelliher kelling kellison kellner
    kellogg kells kellum kelly kelm kelsch kelsey kelso kelson keltner kelton kelty kemble
    kemmer kemmerer kemp kemper kempf kempton kendall kendig kendrick kendricks kenna kennamer
    kennard kennedy kennell kennelly kennemer kenner kennerly kennerson kennett kenney kennison
    kennon kenny kensinger kent kenworthy kenyon keo keough keown kephart kepler kepley kepner
    keppler kerber kerby kerfoot kerley kerlin kern kernan kerner kerney kerns kerr kerrick
    kerrigan kerry kersey kersh kershaw kershner kersten kerstetter kerwin kesler kesner kessel
    kessinger kessler kester kesterson kestner ketcham ketchum ketner ketron ketter ketterer
    ketterman kettle kettler kettner key keyes keys keyser khalil khan khang khoury kibbe kibby
    kibler kidd kidder kidney kidwell kiefer kieffer kiel kiely kier kiernan kiesel kiesling
    kifer kiger kight kiker kilbourn kilbourne kilburn kilby kile kiley kilgo kilgore kilian
    kilkenny killam killebrew killeen killen killgore killian killinger killingsworth killion
    killough kilmer kilpatrick kilroy kim kimball kimbell kimber kimberlin kimberling kimberly
    kimble kimbler kimbrel kimbrell kimbro kimbrough kime kimes kimmel kimmell kimmons kimpel
    kimsey kimura kimzey kinard kincade kincaid kincannon kincer kinch kincheloe kinchen kindel
    kinder kindig kindle kindred king kingery kingrey kingsbury kingsley kingston kinkade
    kinkead kinkel kinlaw kinley kinman kinnaird kinnaman kinnard kinne kinnear kinner kinney
    kinnison kinsella kinser kinsey kinsler kinsley kinslow kinsman kintzel kinyon kinzel kinzer
    kipp kirby kirch kircher kirchner kirchoff kirk kirkendall kirkendoll kirkham kirkland
    kirkley kirklin kirkman kirkpatrick kirksey kirkwood kirsch kirschbaum kirschner kirst
    kirtley kirts kirven kirwan kirwin kiser kish kisner kiss kissee kissel kissell kissinger
    kissner kist kistler kistner kitchen kitchens kitchin kite kitson kitt kittel kittelson
    kitterman kittinger kittle kittleson kittredge kittrell kitts kivett kivi kizer klahn
    klapper klar klass klassen klatt klaus klawitter kleckner kleiber kleiman klein kleiner
    kleinman kleinschmidt kleist klem klemm klepper kleven klick kliebert klima klimas klimek
    kline kling klingbeil klingensmith klinger klingler klink klock klopp klos kloss kloster
    klosterman klotz kluesner klug kluge knaack knapp knarr knauer knauf knaus knauss knecht
    knee kneeland knepp knepper knickerbocker knight knighten knighton knights knipe knipp
    knisely knisley knobel knobloch knoll knop knopf knopp knorr knott knotts knouse knowles
    knowlton knox knuckles knudsen knudson knudtson knupp knuth knutsen knutson ko kobayashi
    kober koch kocher koehler koehn koeller koenig koepke koepp koerner koester koffler koga
    kogan koger kogut koh kohan kohl kohler kohlmeier kohn kohr kohut kolar kolb kollar koller
    kollman kolodziej komar kondo konen kong konieczny konopka konrad kontos koo koon koonce
    koons koontz koop koopman kopec kopecky kopf kopp korando korhonen korman korn kornegay kort
    korte korth kosinski koski koss kost koster kostka kott kotter kouba koury kovac kovach
    kovacs koval kovar kowal kowalczyk kowaleski kowalewski kowalski kowalsky kozak koziol
    kozlowski kraatz krach kraemer kraft krahn krajewski kraker kral krall kramer kramp krantz
    kranz kratochvil kratz kratzer kraus krause krauss kravetz kravitz krawczyk krebs krebsbach
    kreger krehbiel kreider kreitzer krell kremer kreps kresge kress kretschmer kreutzer krick
    kriebel krieg krieger krier krikorian kriner kring krishnan kriss kriz krizan kroeger
    kroeker kroger krogman krohn krok krol kroll krom kromer kron krone kroon kropf kropp krouse
    krout krueger krug kruger krull krum krumm krupa krupp kruse ku kubala kubiak kubik kubota
    kucera kucharski kuebler kuehl kuehn kuehner kuester kugler kuhl kuhlman kuhlmann kuhn kuhns
    kuiper kujawa kujawski kukla kukowski kula kulas kulick kulik kulikowski kull kulp kulpa
    kumar kummer kump kung kunkel kunkle kuntz kunz kunze kuo kurek kurland kurt kurth kurtz
    kurz kushner kuss kuster kutcher kutz kuykendall kuzma kwak kwan kwiatkowski kwok kwon kwong
    kyle kyler kyles kyser kyte kyzer la labadie labarbera labarge labarre labat labbe labelle
    laberge lablanc labombard labonte laborde labounty laboy labrador labrecque labrie labriola
    lacasse lacayo lacefield lacey lach lachance lachapelle lacher lack lackey laclair lacombe
    lacoste lacour lacourse lacroix lacross lacy ladd lade ladner ladouceur ladson ladue laduke
    ladwig lady lafave lafayette lafever lafferty laffey laffoon laflamme lafleur lafollette
    lafon lafond lafontaine laforce laforest laforge lafortune lafountain lafrance lafreniere
    lagarde lagasse lage lago lagrange lagrone laguerre laguna lagunas lahey lahman lahr lahti
    lai lail lain laine lainez laing lair laird lajoie lake lakes lakey lakin lal laliberte
    lalli lally lalonde lam lamanna lamantia lamar lamarche lamarr lamarre lamas lamay lamb
    lambdin lamberson lambert lamberth lamberton lambeth lambrecht lambright lamere lamkin lamm
    lammers lamon lamons lamont lamontagne lamoreaux lamothe lamotte lamoureux lamp lampe
    lampert lamphear lamphere lampkin lampkins lampley lampman lamson lamy lancaster lance
    lanclos lanctot land landa landau landaverde lander landeros landers landes landgraf landin
    landis landman lando landon landreneau landreth landrum landry landwehr landy lane laney
    lanford lang langan langdon lange langenfeld langer langevin langford langham langhorne
    langlais langley langlinais langlois langner langston langton langworthy lanham lanier
    lanigan lankford lanning lannon lanoue lanphear lansberry lansford lansing lantigua lantz
    lanz lanza lao lapan lape laperle lapham lapierre lapine lapinski laplant laplante lapoint
    lapointe laporte lapp lappin laprade lara larabee laramie lareau lares large largent largo
    larimer larimore larios lariviere lark larkin larkins larmon larocca larocco laroche
    larochelle larock larocque larosa larose larrabee larrick larrison larry larsen larson larue
    lary lasalle lasater laseter lash lashbrook lasher lashley laskey lasko laskowski lasky
    lasley lass lasseter lassiter laster lastra latch latham lathan lathem lathrop latimer
    latimore latorre latour latshaw latson latta lattea lattimer lattimore lattin lau laub
    laubach lauber lauderdale lauer laufer laughlin laughter laughton laura laureano laurel
    laurence laurent lauria laurie lauritsen lauritzen laursen laury lauterbach lauver laux
    lauzon lavalle lavallee lavalley lavallie lavelle lavender laverdiere lavergne laverriere
    laverty lavery lavigne lavin lavine lavoie law lawerence lawhon lawhorn lawing lawler
    lawless lawley lawlor lawrence lawrie lawry laws lawson lawton lawver lawyer lax laxson
    laxton lay layden layfield layman laymon layne layton lazar lazaro lazarus lazenby lazo
    lazzaro le lea leach leachman leadbetter leader leaf league leahy leak leake leaks leal
    leaman leamon leanos lear leard learned leary lease leasure leath leatham leatherman
    leathers leatherwood leavell leavens leavitt leavy lebaron lebeau lebel leber leblanc lebo
    leboeuf lebouef lebow lebowitz lebron lebrun lechner lechuga leclair leclaire leclerc
    lecompte lecroy lecuyer leday ledbetter leddy lederer lederman ledesma ledet ledezma ledford
    ledger ledgerwood ledonne ledoux leduc lee leech leeder leedom leeds leedy leek leeman leep
    leeper lees leeson leet lefebre lefebvre lefever lefevre leff leffel leffler lefkowitz
    lefler leflore leftwich legaspi legault legendre leger legere legette legg legge leggett
    legler legrand legros lehman lehmann lehn lehner lehoux lehr lehto lei leib leibowitz leigh
    leighton leighty leija leiker leininger leis leiser leishman leist leister leisure leitch
    leite leiter leith leitner leiva lejeune leland leleux lema lemaire lemanski lemaster
    lemasters lemay lembo lemelin lemelle lemen lemieux leming lemire lemke lemley lemmer lemmon
    lemmons lemoine lemon lemond lemons lemos lemus lenahan lenard lenhardt lenhart lenihan lenk
    lennon lennox lenoir lenox lent lentini lentz lenz leo leon leonard leonardo leone leonetti
    leong leonhardt leopard leopold leos lepage lepe lepley lepore leppert lerch lerma lerman
    lerner leroux leroy lesage lescarbeau lesh lesher lesko lesley leslie lesniak lesperance
    lessard lesser lessman lester lesure letcher letchworth letellier letendre leto letourneau
    letson lett letts leu leung levan levasseur levay leveille levell levenson leventhal leveque
    lever leverett leverette levering levesque levey levi levin levine levingston levins
    levinson levis levitt levron levy lew lewallen lewandowski lewellen lewellyn lewin lewis
    lewter ley leyba leyva lezama lheureux li liang liao libbey libby liberatore liberty licata
    licht lichtenstein licon liddell liddle lieb lieber lieberman liedtke liefer lien lietz lieu
    liggett liggins light lightfoot lightle lightner lightsey lighty ligon likens lile liles
    lilienthal lillard liller lilley lillibridge lillie lillis lilly lim lima limbaugh limon
    limones lin linares linch linck lincoln lind lindahl lindamood lindauer lindberg linde
    lindell lindeman lindemann linden lindenberg linder linderman lindgren lindholm lindley
    lindner lindo lindquist lindsay lindsey lindsley lindstrom line linebarger lineberger
    lineberry linehan liner lines ling lingenfelter linger lingerfelt lingle lingo linhart
    lininger link linke linker linkous linn linneman linney lino linquist linscott linsey
    linsley lint linthicum linton lintz linville linzy lipari lipe lipford lipinski lipman lipp
    lippert lippincott lippman lipps lipscomb lipsey lipsky lipson liptak lipton lira lirette
    liriano lis lisenby lish lisi lisk liska lisle liss list lister liston litchfield litchford
    litherland littell litten litteral little littlefield littlejohn littles littleton litton
    littrell litwin litz liu lively livengood liverman livermore livesay livingston livingstone
    lizarraga lizotte llamas llanas llanes llanos llewellyn lloyd lo loaiza loar lobato lobb
    lobdell lobel lobo locascio loch locher lochner lock lockard locke locker lockett lockhart
    locklear locklin lockman lockridge lockwood lococo loden loder lodge loe loeb loeffler loehr
    loera loesch loewen lofgren lofland loflin loftin loftis lofton loftus logan loggins logsdon
    logston logue loh lohman lohmann lohr lohse loiacono loiselle loken lokey lokken lollar
    lolley lollis loman lomanto lomas lomax lombard lombardi lombardo lomeli lomonaco london
    londono lonergan loney long longacre longenecker longfellow longino longley longmire
    longmore longnecker longo longoria longshore longstreet longwell longworth lonon loo look
    loomis looney loop looper loos loose loper lopes lopez lopiccolo lopp lopresti lor lora
    loranger lord lore loredo lorence lorentz lorentzen lorenz lorenzen lorenzo loring lorusso
    losada losee losey losh losoya lossett lott lotts lotz lou loucks loud louden louder
    loudermilk loudon lough loughlin loughman loughran louie louis lounsbury louque louviere
    lovato love loveday lovejoy lovelace lovelady loveland loveless lovell lovely lovern lovett
    lovette lovin loving lovingood lovins low lowder lowe lowell lowenstein lowenthal lower
    lowery lowman lown lowrance lowrey lowrie lowry lowther loy loya loyd loyola loza lozada
    lozano lozier lozoya lu lubbers lubin luby luc luca lucarelli lucas lucchesi luce lucero
    lucey lucht lucia luciani luciano lucien lucier lucio lucius luck lucke luckett luckey lucky
    lucus lucy luczak luczynski ludlow ludlum ludwick ludwig luebbert luebke lueck luedtke
    luellen luera lueras luevano luff luft lugo lui luis luiz lujan lukas lukasik luke luken
    lukens luker lukes lum luman lumley lummus lumpkin lumpkins lumsden luna lunceford lund
    lundahl lundberg lunde lundeen lundell lundgren lundin lundquist lundstrom lundy lung lunn
    lunsford lunt luo luoma luong luongo luper lupien lupo luppino lupton lurie lurry lusby luse
    lusher lusk lussier lust luster lustig lute luter lutes luther luton lutterman luttrell lutz
    luu lux luz ly lyall lybarger lyda lydick lydon lyke lykes lykins lyle lyles lyman lymon
    lynam lynch lynde lynn lyon lyons lytle lytton ma maag maas mabe maberry mabery mabie mabon
    mabrey mabry macaluso macarthur macaulay macdonald macdougall mace macedo macek macey
    macfarlane macgregor mach macha machado machen machin machuca macias maciejewski maciel
    macintosh macintyre mack mackay macke mackenzie mackey mackie mackin mackinnon mackley
    macklin macko mackowiak maclachlan maclean maclennan macleod maclin macmillan macneil
    macomber macon macpherson macrae macri macy maday madden maddix maddock maddocks maddox
    maddux maddy mader madera madewell madigan madison madore madrid madrigal madril madriz
    madruga madry madsen madson mae maeda maes maestas maez maffei magallanes magallon magana
    magdaleno magee mager magers maggard maggi maggio magill maginnis maglio maglione magner
    magness magno magnus magnuson magnusson magoon magruder maguire magwood mah mahaffey mahan
    mahaney mahar maher maheu maheux mahle mahler mahlum mahmood mahmoud mahn mahon mahone
    mahoney mahony mahood mahr mahurin mai maiden maier maillet mailloux main maine maines
    mainor mains maio maiorano mair maisch maisonet maitland maize majeski majewski majka major
    majors mak makela maker maki makin makowski makris malan maland malave malbon malbrough
    malchow malcolm malcom maldanado maldonado malec malek maley malick malik malin malinowski
    malizia malkin mallard mallery mallet mallett mallette malley mallon mallory malloy malm
    malmberg malo malone maloney maloof malott maloy malpass maltby malveaux maly man manahan
    manalo mance mancha manchester mancia mancilla mancini mancino mancuso mandel mandell
    manders mandeville mandujano maner manes maness maney manfredi mang mangan mangano mangels
    manger manges mangino mangold mangrum mangual mangum mangus manhart manigault manion manis
    maniscalco manjarrez manke mankin manley manly mann manna manners manney manning mannings
    mannino mannion mannix manno mannon manns manor manos manrique manriquez mans manseau
    mansell mansfield manske manson mansour mansur manthey mantle mantooth mantz manuel manus
    manwaring manz manzanares manzano manzella manzer manzi manzo mao mapes maple maples mapp
    mar mara marable marano maranto marasco maravilla marble marburger marbury marc marcano
    marcantel marcantonio marceau marcell marcello marcellus march marchan marchand marchant
    marchese marchetti marcial marciano marcil marciniak marco marconi marcos marcotte marcoux
    marcucci marcum marcus marcy marden mardis marek marenco mares maresca marez margolis
    marguez maria mariani mariano maricle marie marin marine marinelli marinello marinez maring
    marini marino marion mariotti maris mariscal mark markel marker markert markey markham
    markland markle markley marko markovich markowitz markowski marks markus marlar marlatt
    marler marlette marley marlin marlow marlowe marmol marmolejo marmon marone maroney marotta
    marple marquardt marquart marques marquette marquez marquis marr marra marrero marriner
    marriott marro marron marrone marroquin marrow marrs marrufo mars marsala marsden marsh
    marshal marshall marshburn marson marston mart marte martel martell martelli martello marten
    martens marti martin martina martindale martine martineau martinek martinelli martines
    martinez martini martino martins martinsen martinson martone marts martucci marty martz
    marvel marvin marx mary marzano mascarenas mascorro maselli maser mash mashburn masi mask
    maske maskell mason mass massa massaro masse massenburg massengale massengill massey massie
    massingale massingill masson mast masten master masters masterson mastin maston mastrangelo
    mastro mastroianni mastropietro masuda mata matamoros matas matchett mateer mateo mathena
    matheney matheny mather matherly matherne mathers mathes matheson mathew mathews mathewson
    mathias mathieson mathieu mathis mathison matias matis matlock matney matos matranga matson
    matsuda matsui matsumoto matsumura matt matta matte matteo matter mattera mattern mattes
    matteson matthes matthew matthews matthias matthies mattia mattice mattie mattingly mattis
    mattison mattocks mattoon mattos mattox mattson matula matus matz matzke mauch mauck maudlin
    mauer maughan mauk maul mauldin maule maultsby mauney maupin maurer maurice mauricio
    mauriello maurin mauro maury maus maust mauzy max maxey maxfield maxham maxie maxim maxon
    maxson maxwell may maya mayberry maye mayer mayers mayes mayfield mayhall mayhew mayhugh
    mayle maynard mayne maynes maynor mayo mayon mayor mayorga mays maysonet mayton mayville
    mayweather maze maziarz mazon mazur mazurek mazza mazzarella mazzariello mazzei mazzella
    mazzeo mazzola mazzone mcabee mcadams mcadoo mcadory mcafee mcaleer mcalexander mcalister
    mcallister mcalpin mcalpine mcanally mcandrew mcandrews mcanulty mcardle mcarthur mcatee
    mcateer mcauley mcauliffe mcavoy mcbean mcbee mcbeth mcbrayer mcbride mcbroom mcbryde
    mcburney mccaa mccabe mccafferty mccaffery mccaffrey mccain mccaleb mccall mccalla
    mccallister mccallum mccammon mccampbell mccandless mccane mccann mccants mccardle mccargo
    mccarley mccarroll mccarron mccart mccarter mccarthy mccartney mccarty mccarver mccarville
    mccary mccaskill mccasland mccaslin mccaughey mccauley mccaulley mccaw mccay mcchesney
    mcchristian mcclain mcclaine mcclanahan mcclaran mcclary mcclaskey mcclay mcclean mccleary
    mccleery mcclellan mcclelland mcclendon mcclenton mccleskey mcclintock mcclinton mccloskey
    mccloud mccloy mccluney mcclung mcclure mcclurg mccluskey mcclusky mccoin mccoll mccollister
    mccollom mccollough mccollum mccomas mccomb mccombs mcconkey mcconnel mcconnell mcconville
    mccool mccord mccorkle mccormack mccormick mccorvey mccourt mccowan mccown mccoy mccracken
    mccrady mccrae mccraney mccranie mccrary mccraw mccray mccrea mccready mccreary mccree
    mccreery mccreight mccright mccrimmon mccrory mccroskey mccroy mccubbin mccue mccuen
    mccullar mccullen mccullers mcculley mcculloch mccullough mccullum mccully mccumber mccune
    mccurdy mccurley mccurry mccusker mccutchen mccutcheon mcdade mcdaniel mcdaniels mcdavid
    mcdavis mcdermott mcdevitt mcdill mcdole mcdonagh mcdonald mcdonell mcdonnell mcdonough
    mcdorman mcdougal mcdougald mcdougall mcdougle mcdowell mcduff mcduffie mcduffy mceachern
    mceachin mcelfresh mcelhaney mcelhannon mcelligott mcelrath mcelroy mcelvain mcelveen
    mcelwain mcelwee mcelyea mcentee mcentire mcevoy mcewan mcewen mcfadden mcfaddin mcfall
    mcfalls mcfarland mcfarlane mcfarlin mcfarren mcfee mcferren mcgaha mcgahan mcgahey mcgann
    mcgarity mcgarrity mcgarry mcgarvey mcgary mcgaugh mcgaughey mcgee mcgeehan mcgehee mcgeorge
    mcghee mcghie mcgill mcginley mcginn mcginnis mcginty mcglade mcglinchey mcglone mcglothin
    mcglothlin mcglown mcglynn mcgoldrick mcgonagle mcgonigal mcgough mcgovern mcgowan mcgowen
    mcgown mcgrady mcgrail mcgrane mcgrath mcgraw mcgray mcgreevy mcgregor mcgrew mcgriff
    mcgruder mcguffin mcguigan mcguinness mcguire mcgurk mchale mchaney mchenry mchone mchugh
    mcilrath mcilvain mcilwain mcinerney mcinnis mcintire mcintosh mcinturff mcintyre mciver
    mcjunkin mckain mckamey mckay mckean mckechnie mckee mckeehan mckeel mckeen mckeever
    mckellar mckeller mckelvey mckelvy mckenna mckenney mckenny mckenzie mckeon mckeown mckernan
    mckey mckibben mckie mckillip mckim mckinley mckinney mckinnie mckinnis mckinnon mckinsey
    mckinstry mckinzie mckissack mckissick mckittrick mcknight mckown mckoy mclachlan mclain
    mclamb mclane mclaren mclaughlin mclaurin mclawhorn mclean mclellan mclelland mclemore
    mclendon mclennan mcleod mcleroy mclin mcloud mcloughlin mcmahan mcmahon mcmakin mcmanis
    mcmann mcmanus mcmartin mcmaster mcmasters mcmath mcmeans mcmichael mcmillan mcmillen
    mcmiller mcmillian mcmillin mcmillion mcmillon mcminn mcmonagle mcmorris mcmorrow mcmullan
    mcmullen mcmullin mcmunn mcmurray mcmurry mcmurtry mcnab mcnabb mcnair mcnally mcnamara
    mcnamee mcnary mcnatt mcnaughton mcneal mcnealy mcnear mcneel mcneeley mcneely mcnees
    mcneese mcneil mcneill mcneilly mcnelly mcnemar mcnerney mcnett mcnew mcnicholas mcnichols
    mcniel mcniff mcninch mcnish mcnitt mcnulty mcnutt mcpeak mcpeek mcpeters mcphail mcphearson
    mcphee mcpheeters mcpherson mcquade mcquaid mcquaig mcquay mcqueary mcqueen mcquillen
    mcquinn mcquire mcquiston mcrae mcraney mcray mcree mcreynolds mcroberts mcroy mcshan
    mcshane mcsherry mcspadden mcswain mcsween mcsweeney mctaggart mcvay mcveigh mcvey mcvicker
    mcwhirter mcwhorter mcwilliams meacham meachum mead meade meader meador meadors meadow
    meadows meads meagher mealey meals mealy meaney means meany mears meas mease meaux mebane
    mecham mechling medders medeiros medel medellin mederos medford medina medley medlin medlock
    medrano medved mee meece meehan meek meeker meekins meeks meese mefford mehaffey mehl mehta
    mei meidinger meier meighan meigs meikle meiners meinhardt meis meisel meiser meisner
    meissner meister mejia mejias mejorado melancon melanson melara melby melcher melchior
    melchor meldrum mele melendez melendrez melendy melgar melgoza meli melia melillo melin
    mellen mellinger mello mellon mellor mellott melnick melo melson melton meltzer melville
    melvin mena menard menchaca mendel mendell mendelsohn mendelson mendenhall mendes mendez
    mendieta mendiola mendivil mendonca mendosa mendoza menefee menendez meneses meng mengel
    menges menjivar menke mentzer menzel menzies mera meraz mercado merced mercedes mercer
    merchant mercier mercuri mercurio meredith mericle merida merideth merino meriwether merkel
    merkle merkley merle merlin merlino merlo mero merrell merriam merrick merrifield merrill
    merriman merritt merriweather merrow merry merryman mershon mertens mertz merwin merz mesa
    meserve messenger messer messerly messersmith messick messier messina messing messinger
    messmer messner mesta mestas metcalf metcalfe metheny metivier metoyer mettler metts metz
    metzgar metzger metzinger metzler meunier meurer meyer meyerhoff meyers meyerson meza micco
    miceli michael michaelis michaels michaelson michalak michalec michalik michalski michaud
    micheals michel michell michels michelson michie mick mickel mickelsen mickelson mickens
    mickey mickle middaugh middendorf middlebrook middlebrooks middleton midgett midgette
    midgley midkiff miele mielke mier miera miers miesner mifflin migliore mignone miguel migues
    mijares mika mike mikel mikell mikels mikesell mikkelsen mikkelson mikula milam milan milano
    milardo milazzo milbourn milbrandt milburn miler miles milewski miley milford milian
    militello mill millan millar millard millay millen millender miller millet millett millette
    millhouse millican milligan millikan milliken millikin milliman milliner millington million
    milliron millis millman millner mills millsap millsaps millwood milne milner milo milone
    milsap milstead miltenberger milton mimms mims min mina minard minarik minaya mincey minch
    minchew mincy minder miner mines ming mingle mingo mingus minich minick minier minix
    minjares mink minks minner minnich minnick minnis minor minter minto minton mintz minyard
    mirabal miracle miraglia miramontes miranda mire mireles miron miser mishler mishoe miskell
    misner mistretta mitcham mitchel mitchell mitchem mitchener mitchum mitten mitton mitts
    mitzel miura mix mixon mixson miyamoto miyashiro mize mizell mizelle mizer mizrahi mo moak
    moats moberg moberly mobley mock modica modlin modzelewski moe moeller moen moffat moffatt
    moffet moffett moffit moffitt mogensen mohamed mohammad mohammed mohan mohler mohn mohney
    mohr moir moise mojica molden moldenhauer mole moler moles molina molinar molinari molinaro
    moline molino molitor moll moller mollett mollica molloy molnar molock moloney molter
    molyneux monaco monaghan monahan monarrez moncada moncayo moncrief monday mondor mondragon
    mondy mone monette money mong monge mongeau monger mongillo monico monier moniz monk monks
    monn monnier monreal monroe monroy monsen monson monsour montag montagna montague montalto
    montalvo montana montanez montano monte monteiro monteith montejano monteleone montelongo
    montemayor montenegro montero montes montez montford montgomery monti montiel montijo
    montilla montoya monty montz monzo monzon moodie moody mook moon mooney mooneyham mooneyhan
    moor moore moorefield moorehead moorer moores moorhead moorhouse mooring moorman moors moos
    moose mora morabito morado moraga morais morales moralez moran morano morant more moreau
    moree morefield morehead morehouse moreira morejon morel moreland morell morelli morello
    morelock morena morency moreno moretti moretz morey morfin morford morgan morganti
    morgenstern mori moriarty morillo morin moring moris morison morissette morita moritz mork
    morlan morley morlock morman morneau morning morningstar moro morones moroney moronta
    morphis morrell morrill morris morrisey morrison morriss morrissette morrissey morrone
    morrow morse mort mortensen mortenson mortimer morton morvant mosby mosca moscato mose
    moseley mosely moser moses mosher moshier mosier moskowitz mosley mosqueda mosquera moss
    mosser mossman mosteller mota mote moten motes motley moton motsinger mott motta motter
    motto motyka motz moua moulder moulton moultrie moultry mounce mount mountain mounts mouser
    mousseau mouton mouzon mowbray mowen mower mowers mowery mowrer mowrey mowry moxley moy moya
    moye moyer moyers moyes moylan moyle moynihan mozee mozingo mraz mroz mrozek mucci mucha
    muck mudd mudge mueller muench muff muhammad mui muir muirhead muise mujica mukai mulcahy
    mulder muldoon muldowney muldrow mule mulford mulhall mulhern mulholland mulkey mull mullan
    mullane mullaney mullen mullenax mullenix mullens muller mullet mullett mullican mulligan
    mullikin mullin mullinax mullings mullinix mullins mullis mulloy mulvaney mulvey mulvihill
    mumaw mumford mumm mumma mumme mummert munch muncie muncy mund munday mundell munden mundo
    mundt mundy munez munford munger mungia mungo munguia muniz munk munn munos munoz munro
    munroe munsch munsell munsey munson muntz munz murakami murawski murch murchison murdoch
    murdock murff murguia muriel murillo murley muro murph murphey murphree murphy murr murrah
    murray murrell murrieta murrill murrin murrow murry murtagh murtha muse musgrave musgrove
    musial music musick musselman musselwhite musser musso musson mustafa musto mutch mutchler
    muth muto mutter myatt myer myers myerson myhre myler myles mynatt myres myrick myricks
    myrie myron mysliwiec na naber nabors naccarato nace nadeau nadel nader nadler nagao nagata
    nagel nagle nagy nail nair najar najera nakagawa nakamoto nakamura nakano nakashima nakasone
    nakata nakayama nale nall nalley nalls nally nam nance nanney nantz napier naples napoleon
    napoles napoli napolitano napper nappi naquin naranjo narcisse nardi nardone naron narron
    narvaez nash nason nass nassar nasser natal natale natali nathan nathaniel nathanson nation
    nations natividad natoli nau naughton naugle nault nauman naumann nava navarette navarra
    navarre navarrete navarrette navarro navas nave nawrocki nay naylor nazario neace neagle
    neal neale nealey nealon nealy near neary nease neathery neaves nebeker nebel neblett
    necaise ned nedd nee neece needham neel neeley neely neer nees neese neff negrete negri
    negrin negron neher nehls nehring neidig neighbors neihoff neil neill neilsen neilson neiman
    nell nelligan nellis nelms nelsen nelson nembhard nemec nemeth neri nero nesbit nesbitt
    nesler nesmith ness nester nestor neth netherton netter nettles nettleton netto netzer neu
    neubauer neubert neufeld neuhaus neuman neumann nevarez nevels nevers neves neveu neville
    nevin nevins nevitt nevius new newberg newbern newberry newbill newbold newborn newburn
    newbury newby newcomb newcombe newcomer newell newhall newhouse newkirk newland newlin
    newlon newman newnam newport newquist newsom newsome newson newton ney nez ng ngo nguyen
    niblett nicastro nice nicely nichol nicholas nicholes nicholls nichols nicholson nick nickel
    nickell nickels nickelson nickens nickerson nicklas nickle nickles nickols nicks nickson
    nicodemus nicol nicola nicolai nicolas nicolay nicoletti nicoll nicolosi nicosia nida
    niebuhr niehaus nielsen nielson nieman niemann niemeyer niemi niemiec nies nieto nieves nigh
    nightingale nigro niles nilles nilsen nilson nilsson nimmo nimmons nims nino nipp nipper
    nisbet nisbett nishida nishimura nissen nitta nitz niven nivens nix nixon noack noah noakes
    noble nobles noblitt nocera nock noda noe noel noell noga noggle noguera nokes nolan noland
    nolasco nold nolen noles nolette nolin noll nolley nolte nolting noon noonan noone
    noonkester norberg norby norcross nord nordberg norden nordin nordman nordquist nordstrom
    noren norfleet noriega norman normand normandin norred norrell norris norsworthy north
    northcutt northern northington northrop northrup northup norton norvell norwood nosal noto
    nott nottingham nourse nova novack novak novello novick novoa novotny nowacki nowak
    nowakowski nowell nowicki nowlin noyes noyola nuckolls nuckols nugent null numbers nunes
    nunez nunley nunn nunnally nunnery nuno nurse nusbaum nuss nussbaum nutt nuttall nutter
    nutting nuzzo nyberg nye nygaard nyman nyquist nystrom oakes oakley oakman oaks oates oatman
    obando obanion obannon ober oberg oberlander oberle oberlin oberry oboyle obregon obrian
    obrien obryan obryant obyrne ocallaghan ocampo ocasio occhipinti oceguera ochoa ochs
    oconnell oconner oconnor odaniel oday oddo odea odegaard odell oden odle odom odoms odonnell
    odonoghue odowd odriscoll odum oehler oestreich ofarrell officer offutt ogan ogara ogata
    ogawa ogburn ogden ogg ogilvie ogle ogles oglesby ogletree ogorman ogrady ogren oh ohagan
    ohalloran ohanlon ohara ohare ohearn ohl ohler ohlinger ohlsen ohlson ohman oja ojeda
    okamoto okane okeefe okelley okelly olague olander olaughlin old oldaker olden oldenburg
    oldfield oldham olds olea oleary oles olesen oleson olguin olin olinger oliphant oliva
    olivar olivares olivarez olivarria olivas olive oliveira oliver olivera oliveras oliveri
    oliverio oliveros olivier olivieri olivo oller ollie ollis ollison olmeda olmo olmos
    olmstead olmsted olney oloughlin olsen olson olsson olszewski olvera omalley oman omar omara
    omeara onan oneal oneil oneill oney ong oniel onken ono onorato ontiveros ooten opitz opp
    oppenheim oppenheimer opperman oquendo oquinn oram orange orbison orchard orcutt ordaz
    ordonez orduna ordway ore orear oreilly orellana orem oren orenstein organ oritz orlandi
    orlando orlowski orman orme ormiston ormond ormsby orndorff ornelas ornellas orner orona
    oropeza oros orosco orourke orozco orr orrell orris orsini orso orta ortega ortego ortegon
    ortez orth ortis ortiz ortner orton orvis orzechowski osborn osborne osbourn osbourne osburn
    osby oscar osgood oshaughnessy oshea oshields oshiro oslund osman osmond osorio osornio
    ospina ostby osteen oster osterberg osterhout osterman ostler ostlund ostrander ostrom
    ostrow ostrowski osullivan osuna oswald oswalt ota otani otero otey otis otoole ott otte
    otten otter otterson ottinger ottley ottman otto otts otwell oubre ouellette ouimet ours
    ousley outen outland outlaw outten ouzts ovalle ovellette overall overbay overbeck overbey
    overby overcash overholt overlock overly overman overstreet overton overturf oviedo owen
    owenby owens owensby owings ownby owsley oxendine oxford oxley oyama oyer oyler oyola ozment
    ozuna pablo pabon pabst pace pacheco pacifico pack packard packer paddock paden padgett
    padilla padillo padro padron padua padula paek paez paff pafford pagan pagano page pagel
    pahl paige paik paille paine painter pair paisley paiva paiz pak pal palacio palacios
    paladino palafox palazzo palazzolo palen palermo palko palladino palm palma palmateer
    palmatier palmer palmeri palmieri palmisano palmore palmquist palomares palombo palomino
    palomo palos pals palumbo pam pan pancoast pando pane panek panella pang pangburn pangle
    paniagua pankey pankratz pannell panos pantano panther pantoja panton paolini paolucci papa
    papadopoulos papas pape papenfuss papineau papke papp pappalardo pappas paquet paquette
    paquin parada paradis paradise paradiso paramore paras parchman pardee pardo pardon pardue
    pare paredes paredez parent parente parenteau parenti parham parikh paris parise pariseau
    parish parisi parisien park parke parker parkerson parkes parkey parkhill parkhurst parkin
    parkins parkinson parkison parkman parks parlier parlin parman parmelee parmenter parmer
    parmley parnell paro parodi parr parra parramore parrett parrino parris parrish parrott
    parry parshall parsley parson parsons partain partee parten partida partin partington
    partlow parton partridge parvin pascal pascale pascarella paschal paschall paschke pasco
    pascoe pascua pascual pasillas pasko pasley pasquale pass passarelli passmore pasternak
    pastor pastore pastrana patague patao patch patchell patchen patchett pate patel patenaude
    paterson patillo patin patino patnaude patnode paton patricio patrick patridge patt pattee
    patten patterson patti pattillo pattison patton patty paugh paul pauley pauli paulin pauline
    pauling paulino paulk paull pauls paulsen paulson paulus pauly pautz pavlik pavon pavone
    pawlak pawlowicz pawlowski paxson paxton payan payeur paylor payne paynter payson payton paz
    peabody peace peach peachey peacock peak peake pearce pearcy pearl pearlman pearman pearsall
    pearse pearson peart pease peaslee peasley peavey peavler peavy peay pecinovsky peck peckham
    pecor pecora pecoraro peden pedersen pederson pedigo pedone pedraza pedrick pedro pedrosa
    pedroza peebles peed peek peel peele peeler peeples peer peery peet peete peets pegg pegram
    peguero pegues pehrson peiffer peil peirce pelaez pelayo pelchat pelfrey pelham pelkey pell
    pellegrin pellegrini pellegrino peller pellerin pelletier pelley pellham pellot peloquin
    pelt peltier pelton peltz peluso pelzer pemberton pena penaflor penaloza pence pendarvis
    pendelton pender pendergast pendergraft pendergrass pendergrast pendleton pendley peng
    penick penix penland penley penman penn pennebaker pennell penner penney penniman penning
    pennington pennock penny pennypacker penrod penrose penson pentecost penton penwell people
    peoples pepe pepin peplinski pepper peppers pera perales peralez peralta peraza percival
    percy perdomo perdue perea pereda pereira perera peres pereyra perez perham perillo perin
    perine perino perkins perkinson perl perlman permenter perna pernell pero perone perras
    perrault perreault perreira perri perrigo perrin perrine perro perrodin perron perrone
    perrotta perry perryman persaud persinger person persons perz pesce pesina pestana pete
    peter peterkin peterman petermann peters petersen peterson petillo petit petite petitt
    petree petrella petrey petri petrick petrie petrillo petrin petro petroff petrone petrosky
    petrovich petrucci petrus petry pettaway pettengill petterson pettey petti pettie petties
    pettiford pettigrew pettis pettit pettitt pettry pettus pettway petty pettyjohn petway pew
    pewitt peyton pfaff pfannenstiel pfarr pfau pfeffer pfeifer pfeiffer pfeil pfister phair
    pham phan phaneuf phares pharr pharris phelan phelps phifer philbrick philbrook philip
    philippe philipps philips phillip phillippi phillips philpot philpott philson philyaw
    phinney phipps phoenix phu phung piatt piazza pica picard piccirillo piccolo pichardo piche
    pichon pick pickard pickel pickell pickens pickerel pickering pickett pickle pickles
    picklesimer pickney pickrell picou pidgeon piedra piekarski pieper pier pierce piercy pierre
    pierro pierson pietrzak pietsch pifer pigeon pigford pigg piggott pigott pike piland pilcher
    pilger pilgrim pilkington pilla pillar pillow pillsbury pilon pilot pimental pimentel pina
    pinard pinckney pincus pinder pine pineda pinedo pinegar pineiro piner pinero pines pinette
    ping pinheiro pinion pink pinkard pinkerton pinkett pinkham pinkley pinkney pinkston pinner
    pinney pinnix pinnock pino pinon pinson pinter pinto pinzon pio piotrowski piper pipes
    pipkin pipkins pippen pippin pippins pires pirkle pirtle pisani pisano piscitelli pita
    pitcher pitchford pitcock pitkin pitman pitre pitt pittard pittenger pitter pittman pitts
    pittsley pitzen pitzer pixley pizano pizarro pizzo place placencia plain plaisance plaisted
    planas plank plant plante plascencia plasencia plaster plata plath platt platz player plaza
    pleas pleasant pleasants pledger plemmons plemons pless pletcher ploof plotkin plotner plott
    plouffe plourde plowden plowman plum plumb plumlee plumley plummer plunk plunkett plyler
    poarch poch poche poe poff poffenberger pogue pohl pohlman pohlmann poindexter pointer
    poirier poissant poisson poitra poitras pokorny polak polanco poland polansky polasek polen
    polhemus poli policastro poling polite polito politte polizzi polk poll pollack pollak
    pollard polley pollitt pollman pollock polly polo polson polster polston polzin pomerleau
    pomeroy pompa pompey pon ponce pond ponder ponds pons ponte pontiff pontius ponton pool
    poole pooler pooley poon poor poore poorman poovey popa pope popham poplar poplin popovich
    popp poppe porath porcaro porch porche porras port porter porterfield portillo portis porto
    portugal portwood posada posey posner pospisil poss post postell postma poston poteat poteet
    poteete pothier potter pottorff potts potvin pou poudrier pough poulin pouliot poulos
    poulsen poulson poulton pouncy pound pounders pounds powe powell power powers powley poyner
    poynor poynter poythress prada prado prager prahl prall prange prasad prater prather prato
    pratt pray preas preble preciado predmore preece preiss prejean premo prendergast prentice
    prentiss prescott preslar presler presley presnell press pressler pressley pressman
    pressnell presson presswood preston prestridge prestwood pretty prettyman preuss preusser
    prevatte prevost prewett prewitt pribble price prichard prichett prickett priddy pride
    pridemore pridgen pridmore priebe priest priester priestley prieto prill prim prime primeaux
    primm primmer primo primus prince principato prindle prine pringle prins printz prinz
    prioleau priolo prior prisco pritchard pritchett pritt pritts privett privette probst
    prochaska prochnow procopio procter proctor proffitt profit profitt prokop prom proper
    propes propp propst prosperie prosser proto proulx prout prouty provencal provencher
    provenzano province provost prowell prude pruden prudhomme prue pruett pruitt pruneda prunty
    pry pryce pryor przybylski pua pucci puccio puckett puente puentes puff puffer puga pugh
    pugliese puglisi pugsley puig pulaski puleo pulice pulido pullen pulley pulliam pullin
    pullins pullman pullum puls pulsifer pulver puma pumphrey punch pung purcell purdie purdom
    purdue purdy purifoy purington purkey purnell purpura pursel pursell purser pursley purtell
    purvis puryear pusey putman putnam putney putt putz pyatt pyburn pye pylant pyle pyles pyne
    pyron quach quackenbush quade qualls quam quan quandt quarles quarterman quast quattlebaum
    quayle queen queener quellette querry quesada quesenberry quesinberry quevedo quezada quick
    quigley quijada quijano quiles quill quillen quimby quin quincy quinlan quinn quinney
    quinones quinonez quint quintal quintana quintanar quintanilla quintero quinto quinton
    quirion quirk quiroga quiros quiroz quisenberry quist quon raab raabe raap raasch rabago
    rabb rabe raber rabideau rabin rabinowitz rabon raby race racette rachal rachel racine
    rackers rackley rada radabaugh radcliff radcliffe radel rademacher rader radford radke
    radley radosevich radtke rae rael rafael raff raffa raffaele rafferty rafter raftery ragan
    rager raggs ragin ragland raglin ragsdale ragusa rahe rahm rahman rahn raiford railey
    railsback raimondi rainbolt raine rainer raines rainey rains rainville rainwater rake raker
    rakes rakestraw rakowski raleigh raley rall ralls ralph ralston ramage rambert rambo ramer
    rameriz ramey raminez ramires ramirez ramm ramon ramos ramsay ramsdell ramsey rana ranallo
    ranck rancourt rand randall randazzo randel randell randle randles rando randolph raney
    range rangel ranger ranieri rank rankin rankins ranney ransdell ransom ransome ranson rao
    rape raper raphael rapier raposa raposo rapoza rapp rappaport rappold rarick rasberry rasch
    rasco rascoe rascon rash rasheed rashid raskin rasmussen rasnake rasnick rasor rast
    ratchford ratcliff ratcliffe rath rathbone rathbun rathburn rather rathjen ratley ratliff
    ratner ratti ratzlaff rau raub rauch raulston rausch rauscher raven rawley rawlings rawlins
    rawlinson rawls rawson ray raya raybon rayborn rayburn rayes rayfield rayford raygoza rayl
    raymer raymo raymond rayner raynes raynor rayo razo re rea reach read reade reader reading
    ready reagan reagle real reale ream reamer reames reams reaper reardon rearick reason
    reasoner reasor reaves reavis reay rebello rebelo reber rech recinos recio reck recker
    record rector red reda redd redden reddick reddin redding reddington reddish reddy reder
    redfern redfield redford redick reding redinger redington redman redmon redmond redner
    redondo redrick redus redwine reece reed reeder reedy reel reep rees reese reeser reeve
    reeves regalado regan reger regina regis register regner regnier rego rehberg rehkop rehm
    rehn reiber reich reichard reichel reichenbach reichert reichling reichman reid reider reidy
    reif reiff reigle reiley reilley reilly reily reimann reimer reimers rein reina reinecke
    reiner reinert reinhard reinhardt reinhart reinhold reinke reinoso reis reiser reisinger
    reisman reiss reiter reith reitz reliford relyea remaley rembert remer remick remillard
    remington remley remmers rempe remy renard renaud rencher renda render rendon rene reneau
    renfro renfroe renfrow renick renken renn renner rennick rennie renninger reno renshaw
    rentas renteria rentschler rentz renwick reny renz renzi repass replogle repp reppert resch
    resendez resendiz reser resh resler resnick ressler rester restivo resto restrepo retana
    retherford rethman rettig retzlaff reulet reuter reveles revell revels revilla revis rew rex
    rexford rexroad rey reyer reyes reyna reynold reynolds reynosa reynoso reza rezendes rhames
    rhea rheaume rhee rhein rhem rhine rhinehart rhoades rhoads rhode rhoden rhodes rhone rhoten
    rhoton rhymer rhymes rhyne rhynes ribble ribeiro ricard ricardo ricca riccardi ricci
    ricciardi riccio ricco rice rich richard richards richardson richarson richart richburg
    riche richer richerson richert richeson richey richie richins richison richman richmond
    richter rick rickard rickards rickel ricker rickert ricketson rickett ricketts rickey
    rickman ricks rico riddell ridder riddick riddle riddles ridenhour ridenour rideout rider
    ridge ridgeway ridgley ridgway riding ridinger ridings ridley ridlon ridout riebe ried
    riedel rieder riegel rieger riehl riehle rieke riel riemer riendeau ries riese riess rieth
    rieves rife riffe riffel riffle rigby rigdon rigg riggin riggins riggio riggle riggleman
    riggs rigney rigsby rikard riker riles riley rimer rimes rimmer rinaldi rincon rine rinehart
    riner rines riney ring ringer ringgold ringler ringo rink rinker rio riojas riordan rios
    rioux ripley rippel rippeon rippey ripple rippy risch riser rish rishel risher risinger risk
    risley risner risser rist ristau rister rita ritch ritchey ritchie ritenour riter
    rittenberry rittenhouse ritter ritz ritzer ritzman rivard rivas rivenbark rivenburg river
    rivera riveria rivero rivers rives rivet riviera rix rizer rizo rizzi rizzo rizzuto ro roa
    roach roache roan roane roark robards robb robbins robbs roberge roberson robert roberto
    roberts robertson robeson robey robichaud robichaux robicheaux robidoux robie robillard
    robin robinett robinette robins robinson robison robitaille robledo robles robson roby roca
    rocchio rocco rocha roche rocheleau rochelle rochester rochon rock rocker rockett rockey
    rockwell rockwood rodarte rodas rodden roddy rode roden roder roderick rodes rodger rodgers
    rodiguez rodkey rodman rodney rodreguez rodrigez rodrigue rodrigues rodriguez rodriguz
    rodrique rodriques rodriquez roe roebuck roeder roehl roemer roepke roesch roesler roesner
    roessler rogalski rogan roger rogers rogerson rogge rogowski rogue rohan rohde rohe rohn
    rohr rohrbach rohrbaugh rohrer rojas rojo roland roldan rolen roles rolf rolfe rolfes roling
    roll rolland rolle roller rollin rolling rollings rollins rollison rollman rollo roloff
    rolon rolph rolston romain romaine roman romano romanowski romans rome romeo romer romero
    romig romine rommel romo romriell ronald ronan rondeau rondon rone roney ronk ronning
    ronquillo rood roof rook rooker rooks room rooney roop roos roosa roose roosevelt root roots
    roper ropp roque roquemore rorie ros rosa rosado rosales rosalez rosamond rosario rosas
    rosati rosato rosborough roscoe rose roseberry roseboro roselli roseman rosemond rosen
    rosenau rosenbalm rosenbaum rosenberg rosenberger rosenberry rosenblatt rosenbloom rosenblum
    rosendahl rosenfeld rosenfield rosenow rosenstein rosenthal rosenzweig roser rosier rosin
    rosinski rosner rosol ross rossbach rosser rossetti rossi rossignol rossiter rossman rosso
    rosson rossow rost rote rotella roten rotenberry roth rothe rothenberg rother rothermel
    rothman rothrock rothschild rothstein rothwell rotondo rotter rottman rotz roudebush
    roughton rouillard rouleau rounds roundtree roundy rountree rourke rouse rousey roush
    rousseau roussel routh routt roux row rowan rowden rowe rowell rowen rowland rowlands rowles
    rowlett rowley rowse rowsey roy royal royall royals royalty roybal royce roye royer royse
    royster royston rozar rozek rozell rozier rozzi ruane ruano ruark rubalcaba rubalcava ruben
    rubenstein rubin rubino rubinstein rubio ruble ruby ruch ruck rucker ruckman rucks rudd
    ruddell rudder ruddick ruddy rude ruder rudisill rudnick rudnicki rudolf rudolph rudy rue
    rueb rueda ruel ruelas rueter ruf rufener ruff ruffin ruffing ruffner rufus rugg ruggeri
    ruggerio ruggieri ruggiero ruggles rugh ruhl ruhland ruis ruiz rule ruley rumbaugh rumble
    rumfelt rumley rummel rumph rumsey rundell rundle runge runion runk runkle runnels runner
    running runyan runyon rupe rupert rupp ruppe ruppert rusch rush rushford rushin rushing
    rushton rusin rusk rusnak russ russel russell russo rust rustad rustin rutan ruth rutherford
    rutkowski rutland rutledge rutt rutter rutz ruvalcaba ruybal ruyle ruzicka ryals ryan ryans
    ryant ryba ryberg rybicki ryckman rydberg ryder rye ryer ryerson ryland ryles ryman rymer
    saad saari saathoff saavedra saba sabado sabala sabatini sabatino sabb sabbagh sabella sabia
    sabin sabine sabo sabol sacco sachs sack sackett sacks saddler sadler sadowski sae saechao
    saenz saephan saez saffold safford sage sager sagers said sailer sailor sain saine sainz
    sais saito saiz sak sakai sakamoto sala salaam saladin saladino salamanca salamone salas
    salazar salcedo salcido saldana saldivar sale saleem saleh salem salerno sales salgado
    salguero saliba salinas saling salisbury sallee salley salls salmeron salmi salmon salmons
    salo salomon salsbury salter salters saltsman saltz saltzman salvador salvaggio salvato
    salvatore salvo salyer salyers salzer salzman sam samaniego samayoa samford sammons samons
    samora sample samples sampley sampsell sampson sams samsel samson samuel samuels samuelson
    sanabria sanborn sanches sanchez sancho sand sandberg sande sandefur sandell sanden sander
    sanderlin sanders sanderson sandford sandidge sandifer sandiford sandin sandler sandlin
    sandman sandor sandoval sandoz sandquist sandridge sands sandstrom sandusky sandy sane saner
    sanfilippo sanford sanger sangster sanjuan sankey sanks sanmiguel sanner sano sanon sanor
    sanroman sansbury sansom sanson sansone sant santa santacruz santamaria santana santangelo
    santee santelli santiago santibanez santillan santillanes santillo santini santistevan santo
    santora santore santoro santos santoyo santucci sao sapien sapienza sapp sappington sarabia
    saragosa saravia sardina sargeant sargent sarmiento sarno sarratt sarris sartain sartin
    sartor sartori sarver sarvis sasaki sass sasse sasser sasso satchell satcher saterfiel
    sather sato satter satterfield satterlee satterwhite sattler sauceda saucedo saucier sauer
    sauers saul sauls saulsberry saulsbury saulter saulters saum saunders sauseda sauter sautter
    sauve savage savala savant savard savarese savell saver saville savino savoie savory savoy
    sawicki sawin sawtelle sawyer sawyers sax saxon saxton say sayer sayers sayler sayles saylor
    saylors sayre scaggs scaglione scaife scala scales scalf scalia scalise scalzo scanlan
    scanlon scannell scarberry scarborough scarbrough scarlett scarpelli scates schaaf schaal
    schacher schacht schachter schade schaefer schaeffer schafer schaff schaffer schaffner
    schaible schalk schall schaller schank schantz schanz schaper scharf scharff schatz schaub
    schauer schechter scheck schecter scheel scheele scheer scheerer scheetz scheffel scheffer
    scheffler scheiber scheid scheidt schell scheller schenck schendel schenk scher scherer
    schermerhorn scherr scherrer scheu scheuerman schewe schexnayder schiavo schiavone schick
    schieber schiefelbein schier schiff schiffer schiffman schild schildgen schilke schill
    schillaci schiller schilling schillinger schimke schimmel schindler schipper schippers
    schirmer schiro schisler schlater schlecht schlegel schleicher schlemmer schlenker
    schlesinger schley schlichting schloss schlosser schlueter schluter schmaltz schmalz
    schmeling schmeltzer schmelzer schmid schmidt schmit schmitt schmitz schmoll schmuck
    schmucker schnabel schneck schneider schnell schnieders schober schoch schock schoen
    schoenberg schoenberger schoenfeld schoenrock schofield scholes scholl scholten scholz
    schoolcraft schooler schooley schoonmaker schoonover schorr schott schrack schrader schram
    schramm schrantz schrecengost schreck schreffler schreiber schreier schreiner schrimsher
    schriver schrock schroder schroeder schroer schroeter schrom schroth schroyer schrum schrupp
    schubert schuck schueler schuelke schueller schuette schuetz schug schuh schuldt schuler
    schull schuller schulman schulte schultheis schultz schulz schulze schumacher schumaker
    schuman schumann schupp schurman schuster schutt schutte schutz schuyler schwab schwabe
    schwager schwalm schwan schwandt schwanke schwartz schwartzkopf schwarz schweiger schweigert
    schweitzer schweizer schwenk schwindt schwing scianna scioneaux sciortino scipio sclafani
    scofield scoggin scoggins scogin scoles scott scotti scotto scoville scranton scriber
    scribner scriven scrivner scroggins scroggs scruggs scudder scuderi scull scully scurlock
    scurry sea seaberg seabolt seaborn seabrook seabrooks seager seagle seagraves seal seale
    seales sealey seals sealy seaman seamans seamon seamons searcy searfoss searight searle
    searles searls sears sease seaton seats seaver seavey seawell seawright seay sebastian
    sebring sechrist secor secrest secrist seda seddon seder sedgwick sedillo sedlacek sedlak
    see seeber seefeldt seeger seeley seelig seely seelye seeman seery seese seevers segal
    segarra segars seger segers segovia segraves segrest seguin segundo segura seibel seiber
    seibert seibold seidel seidell seiden seidl seidman seifert seigel seigler seiler seim
    seiter seitz selby selden selders seldon self selfridge selig sell sellars selleck sellers
    sellman sellner sells selman selph seltzer selvage selvidge selzer seman semmes semon semple
    sena senecal senegal seng senger senior senn sensabaugh senter senters seo sepe sepeda
    sepulveda sequeira sera serafin sergeant sergent serio sermons serna serpa serra serrano
    serrato servais servantes service servin sesco session sessions sessoms sessums sester seth
    setliff seto setser settle settles setzer sever severance severe severin severino severns
    severs severson severt sevier sevigny sevilla sevin sevy seward sewell sexton seybert seyler
    seymore seymour shabazz shackelford shackleford shaddix shade shadle shadrick shadwick
    shaeffer shafer shaffer shah shahan shahid shain shake shakespeare shamblin shambo
    shamburger shanahan shand shane shaner shank shankle shankles shanklin shanks shanley
    shannon shapiro sharber sharer sharkey sharma sharon sharp sharpe sharper sharpless sharpton
    sharrow shatley shattuck shatzer shaughnessy shaul shaver shavers shaw shawgo shawver shay
    shea shead sheaffer sheahan shealey shealy shear sheard shearer shearin shears sheats
    sheckler shedd sheedy sheehan sheehy sheeley sheely sheen sheeran sheets sheetz sheffer
    sheffey sheffield shehan sheilds shelburne shelby sheldon sheley shell shellenbarger
    shellenberger sheller shelley shellhammer shellman shelly shelor shelton shen shenk shepard
    shepardson sheperd shephard shepherd shepler shepley sheppard sher sherburne sherer sheridan
    sheriff sherk sherlock sherman sherrard sherrell sherrer sherrick sherrill sherrod sherron
    sherrow sherry sherwin sherwood sheth shetler shetley shevlin shew shewmaker shibata shick
    shield shields shier shiffer shifflett shiflet shiflett shih shilling shillings shim shimer
    shimizu shimkus shimp shin shinault shine shiner shingleton shinkle shinn shipe shipley
    shipman shipp shippee shippy shipton shire shires shirey shirk shirley shiroma shisler shive
    shively shiver shivers shives shoaf shock shockey shockley shoe shoemake shoemaker shoffner
    shofner sholar sholes shook shoop shope shor shore shores shorey short shorter shortridge
    shorts shortt shotts shotwell shoulders shoults shoultz shoup shouse shover showalter
    showers showman shows shrader shreffler shreve shrewsbury shriner shriver shropshire shrout
    shroyer shrum shryock shubert shuck shue shuey shufelt shuff shuffler shuford shugart shuler
    shull shulman shultis shults shultz shumake shumaker shuman shumate shumpert shumway shunk
    shupe shupp shurtleff shurtz shuster shute shutt shuttleworth shutts shy sias sibert sibley
    sibrian sica sicard siciliano sickels sickler sickles siddiqui sidebottom siders sides sidhu
    sidney sidwell sieben sieber siebert sieck siefert sieg siegel siegfried siegle siegrist
    siemens siems sierra sievers sievert siewert sifford sifuentes sigala sigel siggers sigler
    sigman sigmon sigmund signorelli sikes sikora sikorski silas silber silberman silcox siler
    silk sill siller sills silva silvas silveira silver silvera silverberg silverman silvernail
    silvers silverstein silvester silvestre silvestri silvey silvia silvis sim simard simas
    simcox simek simental simeon simeone simien simkins simmerman simmers simmon simmonds
    simmons simms simoes simon simonds simone simoneau simoneaux simonetti simons simonsen
    simonson simonton simpkins simpson sims simson sin sinclair sindelar sine sinegal sines sing
    singer singh singletary singleterry singleton singley sinha siniard sink sinkler sinn
    sinnott sinquefield sipe sipes siple sipos sipp sippel sipple sirianni sirmans sirois sisco
    sisemore sisk sisler sisneros sison sisson sisto sistrunk sites sitton situ sitz siu six
    sizemore sizer sjogren skaggs skalski skates skeen skeens skeete skelley skelly skelton
    skiba skidmore skiles skillern skillings skillman skinner skipper skipworth sklar skoog skow
    skowronski slabaugh slack slade slagle slama slane slape slate slaten slater slaton slattery
    slaugh slaughter slaven slavens slavin slawson slay slayden slayton sledge sleeper slemp
    sletten slevin slezak slick slifer sliger sligh slinkard sliva sloan sloane sloat slocum
    slocumb slone sloss slough slovak slover slowik sluder slusher sluss slusser sly slye smail
    small smalley smalling smalls smallwood smart smartt smathers smead smedley smelcer smelley
    smelser smeltzer smidt smiley smit smith smither smitherman smithers smithey smithson
    smithwick smits smoak smock smolen smoot smotherman smothers smtih smyth smythe snapp
    snavely snay snead snedeker sneed snell sneller snelling snelson snider snipes snively
    snoddy snodgrass snook snow snowden snyder so soares sobel sober sobers socha soderberg
    soderlund soderquist sohn soileau sok sokol sokoloski sokolowski solano solar solares solari
    solberg solem soler soles solis soliz sollars solley soloman solomon solorio solorzano solt
    soltero soltis soltys solum soluri somers somerville sommer sommerfield sommers sommerville
    son sones song songer sonnenberg sonnier sonntag sons sontag soo soper sorensen sorenson
    sorg sorge soria soriano sorrell sorrells sorrels sorrentino sosa sosebee sotelo soto
    sotomayor sottile soucie soucy souder souders soukup soule soules souliere sours sousa south
    southall southard souther southerland southern southwell southwick southwood southworth
    souza sova sowa sowards sowder sowders sowell sowers soza spada spadafora spadaro spade
    spady spaeth spafford spagnola spagnoli spahn spahr spain spainhour spalding span spangler
    spann spano sparacino sparano sparkman sparks sparling sparrow spataro spates spatz
    spaulding speaker speakman speaks spear spearman spears speas specht speciale speck spector
    speece speed speegle speer speers speicher speidel speier speight speights speirs spell
    speller spellman spells spence spencer spengler spenser sperber sperling spero sperry speth
    spicer spicher spiegel spieker spielman spier spiers spies spigner spiker spikes spillane
    spiller spillers spillman spina spindler spinella spinelli spink spinks spinner spinney
    spino spires spiro spitler spitz spitzer spiva spivey splawn spofford spohn sponaugle
    sponsler spoon spooner spotts spradley spradlin spradling spraggins sprague sprankle spratt
    spray sprayberry sprenger spriggs spring springer springfield springs sprinkle sproles
    sproul sprouse sprow spruell spruill spry spurgeon spurgin spurlin spurling spurlock spurr
    spurrier square squier squire squires sroka staab staats stabile stabler stacey stach stack
    stackhouse stackpole stacks stacy stadler staff stafford stage stager stagg staggers staggs
    stagner stahl stahlman stahly stahr staiger stainbrook stair stairs stalcup stalder staley
    stalker stall stallard stallcup staller stalling stallings stallman stallworth stalnaker
    stalter stalvey stam stamand stamant stambaugh stamey stamm stamp stamper stampley stamps
    stanback stanberry stancil standard standifer standish standley standridge stanek stanfield
    stanfill stanford stang stange stanger stangl stanhope stankiewicz stanko stanley stannard
    stansberry stansbury stansel stansell stansfield stanton stapler staples stapleton stapp
    starbuck starcher stark starke starkes starkey starks starkweather starling starner starnes
    starns starr starrett start staten states statler staton staub stauber staudt stauffer
    stavros stayer stayton stclair stcyr stead steadham steadman stearn stearns stebbins stec
    steck stecker stedman steed steel steele steelman steely steen steenberg steere steeves
    stefan stefanski steffan steffen steffens steffes steffey stegall steger stegman stegner
    stehle steib steiger steigerwald steil steimle stein steinbach steinbeck steinberg
    steinberger steiner steinfeldt steinhauer steinhoff steinke steinman steinmetz steitz stell
    stella steller stelling stelly stelzer stem stembridge stemple stenberg stender stengel
    stenger stennett stennis stenson stephan stephen stephens stephenson stepney stepp steppe
    steptoe sterling stern sternberg sterner sterns sterrett stetler stetson steve steven
    stevens stevenson stever steverson steves steveson steward stewart stgeorge stgermain
    sthilaire stice stich stickel stickland stickler stickles stickley stickney stidham stiefel
    stier stiff stiffler stigall stiger stiles still stiller stillings stillman stills stillwell
    stilson stiltner stilwell stimpson stimson stinchcomb stine stiner stines stinger stingley
    stinnett stinson stipe stirling stites stith stitt stiver stivers stiverson stjames stjean
    stjohn stlaurent stlouis stmartin stober stock stockard stockbridge stockdale stocker
    stocking stockman stocks stockstill stockton stockwell stoddard stoddart stodola stoehr
    stoffel stogner stoke stokely stoker stokes stokley stoll stolle stoller stollings stolp
    stolte stoltenberg stoltz stoltzfus stolz stone stonebraker stoneburner stonecipher
    stoneking stoneman stoner stoney stonge stookey stoops stops storch storck storer storey
    storie stork storm stormer storms storrs story stotler stott stotts stoudt stouffer stough
    stoughton stout stovall stover stowe stowell stowers stpeter stpierre stracener strachan
    strack strader stradford stradley strahan straight strain strait straka straker straley
    strand strandberg strang strange strasser strate stratford stratman stratton straub straube
    strauch straughter straus strausbaugh strauser strauss straw strawbridge strawn strawser
    strayer strayhorn streater strecker street streeter streetman streets streicher streit strey
    stribling stricker strickland strickler stricklin striegel strine stringer stringfellow
    stringfield stringham striplin stripling strobel stroble strock strode stroh strohl strohm
    strom stromain stroman stromberg strong strope strother strothers stroud stroup stroupe
    strouse strout strouth strozier strub struble struck strum strunk struthers stryker stthomas
    stuart stubblefield stubbs stuber stuck stucker stuckey stucky studdard studebaker studer
    studley stukes stull stults stultz stumbaugh stump stumpf stupka sturdevant sturdivant
    sturgeon sturges sturgill sturgis sturm sturtevant sturtz stutes stutler stutts stutz
    stutzman stwart styer styers styles styons styron su suarez suazo suber sublett suda sudduth
    sue suess sugarman sugg suggs sugrue suh suhr suiter suits suitt sullins sullivan sultan
    sulzer sum sumler sumlin summa summer summerall summerfield summerford summerlin summers
    summerville summey summitt summy sumner sumpter sumrall sumter sun sund sunday sundberg
    sunde sunderland sunderman sundquist sung suniga sunseri super surace surber surette surface
    surles surratt surrett sussman sustaita sutcliffe suter sutera sutherland sutliff sutphin
    sutter sutterfield suttle suttles sutton suzuki svendsen svoboda swader swafford swaim swain
    swallow swan swanberg swaney swanger swanigan swank swann swanner swanson swarey swart
    swarthout swarts swartwood swartz swasey swatzell swayne swayze swearengin swearingen sweat
    sweatman sweatt sweeney sweeny sweet sweeten sweeting sweetman sweetser sweitzer swensen
    swenson swett swick swider swiderski swift swigart swiger swigert swihart swilley swim swims
    swindell swindle swindler swinehart swiney swinford swing swingle swink swinney swinson
    swint swinton swisher switzer swoboda swofford swoope swope swopes sword swords sy sydnor
    sydow syed sykes sykora sylva sylvain sylvester sylvestre sylvia symonds symons synder
    syring syverson szabo szczepanski szeto szymanski ta tabares tabarez tabb taber tabor tabron
    tacey tack tacker tackett tackitt tadlock taff tafolla tafoya taft tagg taggart tague tai
    taing tait takacs takahashi talamantes talamantez talarico talavera talbert talbot talbott
    talcott taliaferro talkington tall tallant tallent talley tallman tally talmadge talmage
    talton talty tam tamayo tamez tammaro tamplin tamura tan tanaka tandy tang tanguay tank
    tankersley tanksley tann tannehill tannenbaum tanner tanouye tansey tant tao taormina tapia
    tapley taplin tapp tappan tapper tapscott tarango tarantino taranto tarbell tarbox tardif
    tardiff tardy tarin tarkington tarleton tarnowski tarpley tarr tarrance tarrant tarry tart
    tartaglia tarter tartt tarver tarvin tarwater tash tasker tassone tate tatham tatman tatom
    tatro tatum taub taube tauber taul taulbee taunton tavares tavarez tavera taveras tawney tay
    taylor tea teachout teague teal teamer teasley tebo tedder tedeschi tedesco tedford tedrick
    tedrow tee teed teegarden teel teems teeple teer teeter teeters teets tefft teitelbaum
    teixeira tejada tejeda telfer telford tell teller telles tellez tellier tellis tello temme
    temple templeman temples templeton templin tena teneyck tengan tennant tenney tennison
    tennyson tenorio tepper teran terhune terpstra terranova terrazas terrell terrill terrio
    terrones terry terwilliger tesch teske tessier test testa tester testerman teston teter teti
    tetrault tetreault tetterton tetzlaff tevis tew tewell tewksbury tews texeira thach thacker
    thai thakkar thaler thames than thao tharp tharpe thatch thatcher thaxton thayer theberge
    thedford theis theisen theiss thelen theobald theodore theriault theriot theroux therrien
    thetford theus thibault thibeau thibeault thibodaux thibodeau thibodeaux thiede thiel thiele
    thielen thieme thierry thies thiessen thigpen thill thole thom thoma thoman thomas thomason
    thomasson thome thompkins thompson thoms thomsen thomson thomure thor thoreson thorington
    thorn thornberry thornburg thorne thornell thornhill thornley thornsberry thornton thorp
    thorpe thorsen thorson thorton thrailkill thrall thrash thrasher threadgill threatt threet
    threlkeld thresher thrift throckmorton throop thrower thrush thurber thurlow thurman
    thurmond thurston tiano tibbetts tibbits tibbitts tibbs tice tichenor tickle tidd tidmore
    tidwell tiedeman tiedemann tieman tiemann tienda tiernan tierney tietjen tieu tiffany tift
    tiger tiggs tighe tigner tignor tijerina tilford tilghman till tiller tillery tillett tilley
    tillinghast tillis tillison tillman tillmon tillotson tillson tilly tilman tilson tilton
    timberlake timko timlin timm timmer timmerman timmins timmons timms timothy timpson tims
    tinajero tinch tincher tindal tindall tindell tindle tineo tiner tingle tingley tinker
    tinkham tinkle tinner tinney tinnin tinoco tinsley tipler tippett tippetts tippins tippit
    tipps tipton tirado tirrell tisdale titcomb titsworth tittle titus to tobar tober tobey
    tobias tobin tobler tocci tocco todaro todd toenjes tokarz tolan toland tolar tolbert toledo
    tolentino toler toles toliver toll tolle tollefson toller tolleson tollett tolley tollison
    tolliver tolman tolson tom toma toman tomas tomasek tomasello tomasini tomaszewski tomberlin
    tomblin tomczak tome tomes tomita tomko tomlin tomlinson tompkins tompson toms tomson ton
    tondreau tone toner toney tong tonkin tonn tony toohey tooker tookes toole tooley toombs
    toomer toomey toon toone toothaker toothman tope topete topham topp topper topping topps
    torain torbert torbett tores torgersen torgerson torian toribio torkelson toro torpey
    torrance torre torrence torres torrey torrez toscano tosh tostado toth totten touchet
    touchette touchstone toupin toups tourville tousant tousignant toussaint tovar tow towe
    towell tower towers towery towle towler towles town towne towner townes townley towns
    townsel townsend townsley townson towry toy toye tozier tracey tracy trader trafton trahan
    trail traina trainer trainor tramel trammel trammell tran transue trantham trapani trapp
    trask traub trautman traver travers traverso travis trawick traxler traylor traynor traywick
    treacy treadaway treadway treadwell treanor treaster treat treece treese trego tregre
    treiber trejo tremaine tremblay trembley tremper trent trepanier tressler trevathan trevino
    trevizo trew trexler triana triano tribble trice triche trieu trigg triggs trim trimble
    trimm trimmer trinh trinidad trinkle triplett tripp trisler tristan tritt trivedi trivett
    trivette troche trogdon troia troiano trojan trojanowski trollinger trombetta trombley
    trombly troncoso troop trosclair trosper trost trostle trotman trott trotta trotter trottier
    troup troupe trout troutman troutt trowbridge trowell trower troxel troxell troxler troy
    troyer truax truby trudeau trudel trudell true trueblood truelove trueman truesdale
    truesdell truett truex truitt trujillo trull truluck truman trumbauer trumble trumbo
    trumbull trump truong truss trussell trusty tryon tsai tsan tsang tsao tschida tse tseng tso
    tsosie tu tubb tubbs tubman tucci tuck tucker tudor tuel tufts tuggle tull tuller tulley
    tullis tullius tulloch tullos tully tuma tumlin tune tung tunison tunnell tunney tunstall
    tuohy tupper turberville turbeville turcios turco turcotte turek turgeon turk turley
    turlington turman turmelle turnage turnbow turnbull turner turney turnipseed turpen turpin
    tusing tussey tuten tuthill tutino tutor tutt tuttle twedt tweed tweedie tweedy twellman
    twiford twigg twiggs twilley twine twining twitchell twitty twombly twomey tworek twyman tye
    tyer tygart tyler tylor tynan tyndall tyner tynes tyra tyre tyree tyrell tyrrell tyson tyus
    uchida uecker ugalde ugarte uhl uhlig uhlman uhrich uhrig ulibarri ullery ullman ulloa
    ullrich ulm ulmer ulrey ulrich umana umberger umstead underdahl underdown underhill
    underwood ung ungar unger unknow unrein unruh unzueta upchurch updegraff updike upham upshaw
    upson upton urban urbanek urbaniak urbano urbanski urbina uren urena ureno uresti uriarte
    urias uribe urich urick urquhart urrutia ursery urso uselton usher usrey usry ussery utecht
    utley utsey utt utter utterback utz uy vaca vacca vaccaro vachon vaden vadnais vail
    vaillancourt valadez valasquez valazquez valderas valdes valdez valdivia valdovinos vale
    valencia valenta valente valenti valentin valentine valentino valenza valenzuela valera
    valerio valero valez valiente valladares valle vallecillo vallee vallejo vallejos vallery
    valles valletta valley valliere vallo vallone valtierra valverde valvo van vanallen
    vanalstyne vanarsdale vanatta vanauken vanbrunt vanburen vanbuskirk vancamp vance vancleave
    vancuren vandegrift vandemark vandenberg vandenbosch vanderbilt vanderburg vanderford
    vandergriff vandergrift vanderhoff vanderhoof vanderlinden vandermark vandermeer vanderpool
    vandervort vandeusen vandeventer vandine vandiver vandoren vandorn vandusen vandyke vandyne
    vanegas vanek vanetten vanfleet vang vangilder vangorder vanguilder vangundy vanhook
    vanhoose vanhorn vanhorne vanhouten vanhoy vanish vankeuren vankirk vanlandingham vanleer
    vanleuven vanmatre vanmeter vann vannatta vannatter vanness vannest vannorman vannote vannoy
    vanostrand vanover vanpelt vansant vanscoy vanscyoc vansickle vanslyke vantassel vantassell
    vanvalkenburg vanwagenen vanwagoner vanwart vanwingerden vanwinkle vanwormer vanwyk vanzandt
    vanzant vaquera vara varela varga vargas varghese vargo varley varnado varnell varner varney
    varnum varona vartanian vasbinder vashon vasques vasquez vass vassallo vassar vasser vasta
    vath vaugh vaughan vaughn vaughns vaught vautour vavra vawter vaz vazquez veach veal veale
    veasey veasley veatch veazey vecchio vedder vega vegas veiga veilleux veillon veit veitch
    veith vela velarde velasco velasques velasquez velazco velazquez velez veliz vella veloz
    veltri venable venegas veney venezia veneziano venne venters ventimiglia vento ventura
    venuti ver vera veras vercher verde verdi verdin verdugo verduzco vereen veres vergara
    vermillion verne verner vernon verret verrett verrill versace verville vesely vesey vess
    vessels vest vestal vester vetter vezina via viars viator vibbert vicari vice vicente vicini
    vick vickers vickery vicknair vickrey victor victoria victorino victory vida vidal vidales
    vidaurri vides vidrine vidrio vieira viens viera vierra viers vigil vigna vigue vila viles
    villa villacorta villafane villagomez villagran villalba villalobos villalon villalpando
    villalta villalvazo villani villanueva villanveva villar villareal villarreal villasenor
    villatoro villeda villegas villela villeneuve villicana villines viloria vince vincent vinci
    vine vines vineyard vining vinson vinton vinyard vinzant viola violet violette viramontes
    virden virgen virgil virgin viruet visconti visser vita vitagliano vital vitale vitela
    vitiello vito vivanco viveiros viverette viveros vivian viviano vivier vizcaino vizcarra
    vizcarrondo vo voegele voelker vogan vogel vogelsang voges vogl vogler vogt voight voigt
    voit volk volker volkert volkman voll vollmer volpe volz vonderheide vong voorhees voorhies
    voorhis vorce voris vos vosburg vosburgh vose voss vossen votaw voth vowell vowels voyles
    vrabel vreeland vrieze vroman vrooman vu vue vuong wachtel wachter wacker wada waddell
    waddington waddle waddy wade wadkins wadley wadlington wadsworth wafer wafford wagaman wagar
    wageman wagener wager wagers wages waggener waggoner wagner wagnon wagoner wagstaff
    waguespack wahl waid wainscott wainwright wait waite waiters waites waits wake wakefield
    wakeland wakeman walberg walborn walburn walch walck walcott walczak wald walden waldman
    waldner waldo waldon waldorf waldrep waldrip waldron waldrop waldroup waldrup waldschmidt
    wales walk walker walkins walko walkowiak walkup wall walla wallace wallach wallen waller
    walley wallick wallin walling wallis wallner walls walmsley walpole walrath walraven walser
    walsh walson walston walt walter walters walthall walther waltman walton waltrip waltz walz
    wampler wamsley wan wanamaker wang wann wannamaker wanner wansley warburton ward wardell
    warden wardlaw wardle wardlow wardwell ware wareham warf warfel warfield warford wargo
    waring wark warkentin warlick warman warne warner warnick warnke warnock warr warren warrick
    warriner warrington warrior warshaw warthen warwick wash washam washburn washer washington
    wasilewski wasinger wasmund wason wass wasser wasserman wasson watanabe watchman waterbury
    waterfield waterhouse waterman waters watford wathen watkin watkins watley watlington watson
    watt wattenbarger watters watterson watts waugh wax waxman way waybright wayland wayman
    waymire wayne wayt weakley wear weary weast weatherall weatherby weatherford weatherholt
    weatherholtz weatherly weathers weathersby weatherspoon weatherwax weaver webb webber weber
    webre webster wechsler wedding weddington weddle wedeking wedel wedge wedgeworth wee weed
    weeden weedman weekes weekley weekly weeks weems weese weesner wegener wegman wegner
    wehmeyer wehner wehr wehrle wei weibel weide weideman weidler weidman weidner weigand weigel
    weight weigle weikel weil weiland weiler weimer wein weinberg weinberger weiner weingarten
    weingartner weinman weinmann weinstein weinstock weintraub weir weirich weis weisberg weise
    weisel weiser weisgerber weishaar weisinger weisman weisner weiss weisser weissinger
    weissman weist weisz weitz weitzel weitzman welborn welch welcher welcome weldon weldy welk
    welke welker well wellborn welle weller welles welling wellington welliver wellman wellons
    wells welsch welsh welter welton welty wen wendel wendell wendland wendler wendling wendt
    wenger wengerd wenner wentworth wentz wentzel wenz wenzel werner wert werth werts wertz
    wescott wesley wesner wesolowski wess wessel wessels wesson west westberg westberry
    westbrook westbrooks westbury westcott westendorf wester westerberg westerfield westerlund
    westerman western westervelt westfall westfield westgate westhoff westlake westley westling
    westlund westman westmoreland weston westover westphal westra westrick wetherbee wetherby
    wetherell wetherington wethington wetmore wetter wetzel wetzler wexler weyand weyandt weyant
    weyer weymouth whalen whaley whang wharton whatley wheat wheatley wheaton wheeler wheelock
    wheelwright whelan whelchel wheless wherry whetsel whetstone whetzel whicker whidden whiddon
    whigham whipkey whipple whisenant whisenhunt whisler whisman whisnant whistler whitacre
    whitaker whitbeck whitby whitcher whitchurch whitcomb white whiteaker whited whitefield
    whitehair whitehead whitehill whitehorn whitehouse whitehurst whiteley whitely whiteman
    whiten whitener whitesel whitesell whiteside whitesides whitfield whitford whitham whiting
    whitis whitlatch whitley whitlock whitlow whitman whitmarsh whitmer whitmire whitmore
    whitner whitney whitsett whitsitt whitson whitt whittaker whitted whittemore whitten
    whittenburg whittier whittingham whittington whittle whitton whitty whitworth whobrey
    whorley whorton whyte wible wick wicker wickersham wickham wickline wicklund wickman wicks
    wickstrom wideman widener widger widman widmer widner wiebe wiechmann wieczorek wiedeman
    wiedemann wiedman wiegand wieland wiener wiens wier wiersma wiese wiesner wiest wigfall
    wiggin wiggins wigginton wiggs wight wightman wigington wigley wigton wike wilbanks wilber
    wilbert wilborn wilbourn wilbur wilburn wilcher wilcox wilcoxen wilcoxon wilcoxson
    wilczynski wild wilde wilder wilderman wildermuth wildes wildey wilding wildman wilds wile
    wiles wiley wilfong wilford wilham wilhelm wilhite wilhoit wilhoite wiliams wilk wilke
    wilken wilkens wilkenson wilker wilkerson wilkes wilkey wilkie wilkin wilkins wilkinson
    wilks will willaims willams willard willbanks willcox wille willeford willems willer willet
    willett willette willey willhite william williams williamson willie williford willilams
    willimas willingham willis willison willits willman willmon willms willner willoughby wills
    willsey willson wilmer wilmes wilmore wilmot wilmoth wilner wilsey wilson wilt wilton wiltse
    wiltshire wiltz wimberly wimbish wimbley wimbush wimer wimmer wimsatt winans winborne
    winburn winbush winchell winchester wind winder winders windham windle windley windom
    windsor wine winebarger winebrenner winegar winer wines winfield winford winfree winfrey
    wing wingard wingate winger wingert wingerter winget wingfield wingler wingo wingrove
    wininger wink winkel winkelman winkfield winkle winkleman winkler winkles winland winn
    winner winnett winnie winningham winsett winship winslow winsor winstead winston wint winter
    winters winton wire wireman wirt wirth wirtz wisdom wise wiseman wisener wiser wishart
    wishon wisner wisneski wisniewski witcher witek witham witherell witherington withers
    witherspoon withrow witkowski witman witmer witt witte witten wittenberg witter wittig
    wittman wittmer wittrock witty witzel wix wixom wixon woerner wofford wohlers wohlgemuth
    wojciechowski wojcik wojtowicz wolak wolbert wolcott wold wolf wolfe wolfenbarger wolff
    wolfgang wolfgram wolfinger wolford wolfram wolfson wolk wolken woll wollard wolski wolter
    wolters wolverton womac womack womble wommack won wong woo wood woodall woodard woodberry
    woodburn woodbury woodby woodcock woodell wooden woodfin woodford woodham woodhouse woodie
    wooding woodland woodley woodman woodmansee woodring woodrow woodruff woodrum woods woodside
    woodson woodward woodworth woody woodyard woolard woolbright wooldridge woolery wooley woolf
    woolfolk woolford woolley woolridge woolsey woolum woolverton woolwine woomer woosley
    wooster wooten wooton wootton worcester word worden work workman works worley worm wormley
    worrall worrell worsham worsley worth wortham worthen worthey worthington worthley worthy
    wortman wotring wozniak wray wren wrenn wright wrigley wrobel wroblewski wroten wu wuest
    wulf wulff wunder wunderlich wunsch wurm wurst wurster wurth wyant wyatt wyble wyche wyckoff
    wycoff wydra wyer wygant wylie wyllie wyman wymer wymore wynkoop wynn wynne wynter wyrick
    wyse wysocki wysong wyss xavier xie xiong xu yaeger yager yagi yale yamada yamaguchi
    yamamoto yamasaki yamashita yan yancey yancy yandell yanes yanez yang yantis yao yap yaple
    yarber yarborough yarbro yarbrough yard yardley yarger yarnall yarnell yarrington yates yau
    yawn yazzie ybanez ybarra ye yeager yearby yearta yearwood yeary yeater yeates yeaton
    yedinak yee yeh yeldell yelle yellowhair yelton yelverton yen yeoman yeomans yepez yerby
    yerger yerkes yetman yetter yeung yi yim yin yingling yingst yip yoakum yockey yocom yocum
    yoder yohe yohn yoho yokley yokota yokoyama yokum yon yong yonker yoo yoon yopp york yorke
    yoshida yoshioka yost yother you youmans younan younce young youngberg youngblood younger
    youngman youngquist youngs younker younkin yount younts yousef yow yowell yu yuan yuen yuhas
    yun yung yunker yutzy yzaguirre zabala zabel zabriskie zacarias zacharias zachary zachery
    zack zackery zager zahler zahm zahn zahradnik zajac zajicek zak zakrzewski zalenski zaleski
    zalewski zamarripa zambrana zambrano zamor zamora zamorano zamudio zanchez zander zanders
    zane zang zank zapata zapien zaragoza zarate zartman zastrow zavala zawacki zayas zazueta
    zebrowski zeck zeh zehnder zehner zehr zeiger zeigler zeiler zeitler zeitz zelaya zeledon
    zell zeller zellers zellmer zellner zeman zendejas zeng zeno zenon zeolla zepeda zerangue
    zerbe zeringue zermeno zerr zhang zhao zheng zhou zhu zick zickefoose ziebarth ziegler
    zielinski zielke ziemann ziemba ziemer zigler zimmer zimmerman zimmermann zink zinke zinn
    ziolkowski zirkle zito zoeller zoll zoller zollinger zook zorn zuber zubia zuchowski zucker
    zuckerman zuehlke zukowski zullo zumwalt zuniga zupan zurcher zurita zweifel zwick zwilling
    zylstra
    """
)

# Names that are also ordinary English words (will, may, grace, baker, ...): never matched alone
# in lower case, so they do not mask ordinary words.
WORDLIKE_NAMES = _words(
    """
    abate abbey abe able acres ada agar ahl ahn aho ai aide aja ake akin al albino alder
    alderman aline alley alm almond alpha alt alter amen amend ami amo an ang angel angelic
    angle anh apo apple april ara archer ard arena arenas arias armor arms arp arrant arroyo art
    ary asa ash askew atlas au auger august aura austin autumn azure back backer bacon bad bade
    badger bail baize bak baker bale bales balk ball balling balls bandy bane banes bang bangs
    banister bank banker banks banner banning bannister bao baptist barb barber bard bare
    barefoot barge bark barker barks barley barney barns baron barren barrette barrier barrios
    barrow barrows barter bash basil bass basso bast bate bates bath batten battle battles batty
    bax bay bays bea beach beagle beam beams bean bear beard beau beaver beavers beck bee beech
    beer beers beets begin bell belle belles bellows belt bench bender bent berg berry beryl
    best bev beverage bey bias bible bickers bier big bigger bill billings bills billy binder
    birch bird birdie bishop bitter black blacker blade blades blanch bland blank blanks blaze
    blazer blessing blind bliss blizzard block blood bloom bloomer blossom blow blue blunt bly
    bo board boatman bob bode bodily bodkin body boe bok bold boles boll bologna bolster bolt
    bombard bombardier bond bonds bone boner bones boney bong bonnet bonnie bonny book books
    boon boos booth boots booze boozer border borders boring born borne bos boss bottom bottoms
    bou bounds bourgeois bow bower bowers bowler bowling bowman box brace bracken brain brake
    bramble branch brand brandy brasher brass bravo brawn bray brazier breed breeding breeze
    brew brewer brick bridge bridges brier bright brim brink broach broad brogan brook brooking
    brooks broom brothers brown browner browning brunet brunette brunt brush buck buckle buckler
    buckles bud buddy budge buff bui bull bullion bullock bump bumpers bunch bunker bunny
    bunting burden burg burger burgher burner burns burr burrow burrows bury busby bush bushman
    buss buster butcher butler butt butters button butts buzzard bye cabana cable caddy cadet
    cage cai cairns call camellia camp camper cancel candy cane canning cannon canon canter
    canto canton cantor cao cape capers caprice caraway card cardinal cargo carmine carolina
    carpenter carrier carrion carry carver case cash cassette caster castle castor catchings
    cater cavalier cave caves celesta center centers cha chad chalk chamber chamberlain chambers
    champ champagne champion chance chancellor chancy chandler channel chapel charity chase
    chastity check cheek cheeks cherish cherry chess chestnut chew chi chick child chiles chill
    chin china cho choice chow christ christen christian chu chuck church chute cinderella
    cinnamon citizen clack clapper class clay clear cleaver cleaves clement clerk clever click
    client cliff clink close clothier cloud clover cluck clutter coach coachman coats cobble coe
    coffee coffin coil coke cola colas collar colleen collie collier colon combs comer comes
    comfort commander commons compo compos conception cone confer constable constant converse
    cook cooks cool coon coons coop cooper coots cope copes copper coral cordon core cork corn
    corner corning corns corona corp corpus corral cost cote cotter cotton couch council
    countess countryman counts court courts cousin cousins cover covert covey coward cowling cox
    coy coyer craft crafts cram crane crank crass craven cravens craw cray creamer creed creek
    creel cress crew crews crick crisp crochet crofts crone crook crooks cropper crosier cross
    crouch crow crown crozier cruise crumb crumble crystal cuc cue cuff cull cumming curd curl
    current curry curt custard cutter cutting cyr czech dahlia daily daisy dakota dale dales
    dallas dam dame dames dan dance dancer dandy dao dare dark darling dart das dash dates daub
    dauphin davenport daw dawn day days deacon deal dean deans dear dearth deb decamp deck dee
    deeds deem deems deer deforest degree del delay dell delta dent denver deputy derby derrick
    derringer desire dessert destiny dew dewberry dey dia dial dials diamond dibble dice dick
    dickey dickie dicks dieter dike dill dills dimple dines dirk dirks ditch ditto divers divine
    dix do dock doctor dodge doe doi dole doles doll dollar dolly dolphin domino don dong dory
    dot dotty doughty douse dove dow dowdy downer downing downs dragon drain drake drakes dray
    dress dresser drew driver drown drum drummer dry dryer du duck dudgeon due duet duff duke
    dukes dull dung dunning dusty duty dy dye dyer dyke dykes eager eagle earl earls early
    earnest east easter easterly eaves ebony eby echo eck ed eda eddy edge ek ela elder elders
    elks ells elms else ely ema emerald emery ena eng english eno ensign epp era erb espy ester
    esters eun eve even evens eves ewa ewers eye factor fae fails fain fair fairy faith falcon
    falconer fall falls fan fang fanning fanny farina farmer farrow farthing fast favorite
    favors faw fawn fay fe fears feather feathers fee fell feller fellows fells felt felts
    fender fern ferry fetter fetters few fey field fielder fielding fields fife file files
    filler finch fine finger fink finks firth fish fisher fitting fix flack flake flakes flax
    fleck fleet flick flint flo flock flood flora florida flower flowers fly folk folks font
    footman force ford fore forehand foreman forest forester fort forte fortes forth fortune
    forward foster fountain fox foy frame frank franks fray free freed freedman freeman freer
    freeze french freshwater friar friday fried friend frier fries frisk frost fry fryer fu
    fudge fuller funk furlong furrow furry fye gable gage gain gains gaiter gala gale gales gall
    gallant gallop gamble games gan gander gao garden gardener garland garner garnet garret
    garrison gates gathers gaunt gaw gay gayer gee gene genesis genie gent gentile gentle gentry
    georgia german gia gibbon gibbons gift gil gill gills ginger gist given givens gladden glade
    glass glaze glazier glen glory gloss go goad goings gold golden goldsmith gong goo good
    goodnight goods goodwill gore gouge gow grace gram grams grand grange grant grass grate
    gravel gravely graver graves gray grayer grays greek green greening grey gribble grieve
    griffin grill grim grimes grimmer grinder grist groom grooms gross grounds grout grove
    groves grow guard guess guest guild gulley gully gum gunning guo gurney gus gust guy ha hack
    hacker hackney haddock hae haggard hai hail hair hake hakes hal hale hales hall hallmark
    halls halter ham hamburger hamlet hammer hammers hammock han hand handler handy hang hanger
    hank hanks harbor hard harden harder hardy hare haring harmony harms harness harp harrow
    harsh hart hash hasting hasty hatch hatter hau haven havens hawk hawker hawks haws hawthorn
    hay hays hazard hazel he head heady heal heap heaps heard heart heater heath heck heckler
    hector hedge hedges hee height heist held helm helms hemming her herald herb herd heron
    herring hertz hey hick hickey hicks high highland hill hillier hills hilt hilton hinds hires
    hitch hix ho hoa hoard hobby hock hocking hogan hogans holder holding hole holiday holler
    holly hom homer homes hone honey hood hook hooker hooks hoops hoots hope hopes hopper
    hopping horn hose host hou house householder houston hove hover hoy hsu hu hua huddle hue
    huff hug hui hull human humble hung hunger hunt hunter huntsman hurdle hurt husband husk hux
    hwa hy hyacinth hye hyo hypes ice ida ide igo ike ila im ima in ina india innocent ira iris
    irish irons isa isis ito iva ivory ivy ja jack jacks jade jae january jarred jasmine jasper
    jay jc jeans jed jen jerkins jester jesus jewel ji jim jimmy jin jo job jock johns joi
    joiner jolly jon josh journey joy judge julienne july jump jumper jun june junior junker
    jury just justice ka kale kam kan kao karma kay kea kee keel keeling keels keen keener ken
    keo kettle key keys khan kia kidder kidney kinder kindle kindred king kinsman kip kiss kit
    kitchen kitchens kite kitty kluge knee knight knights knoll knuckles ko koh koo krone ku kum
    kuo kym la lack lackey lacy lade lady lai lain lair lake lakes lal lam lamas lamb lamp lan
    lance land lander lane lang lao large largo lark lash lass latch lau laughter laurel
    lavender law lawless laws lawyer lax lay layman le lea leach leader leaf league leak leaks
    lean learned lease leathers leavens ledger lee leech leek lees lei leis leisure lemon lemons
    len lent leo leopard les lesser leu lever levering levy lew ley li lia liberty liefer lien
    lieu light likens lily lim lin linden line liner lines linger lingo link linker lint lira
    lis lisle list little liu lively liz llamas llanos lo loan lock locker lodge loe loh lon
    long loo look looney loop loose lopes lor lord lore lou loud louder love loveless lovely
    loving low lower loy lu lubbers luc luck lucky lue lui lum lung luo lusher lust luster lute
    lutes luu lux luz ly lyn lynch ma mac mace macintosh mack madden madonna madrigal mae
    magnolia mah mai maiden main mains maize major majors mak maker mallard mallet man manes
    manger manly manna manners manning manor mans mantle manual many mao maple maples mar marble
    march mares margarita marina marine mark marker marks marlin marquis marrow marry mars marsh
    marshal mart marten martens martini martins marts marvel marx mash mask mass mast master
    masters matt matte matter mattes mattocks maudlin maul max maxim maxima may mayo mayor maze
    mead meadow meadows meals mealy means medley mee meek meeker meg mei mel melody mercedes
    merchant mercy merino merry mesa messenger messier messing meta mi mica mickey mike miler
    miles mill miller millet milliner million mills min miner mines mingle mink minks minor
    miracle mire miser miss misty mitten mitts mix mo moats mock moe mole moles moll monday
    money monger monk monks moody moon moor mooring moors moos moose more morning morrow moss
    mote motes motley motto mount mountain mounts mouser mower mowers moy muck muff mui mule
    mull mullet munch muse music mutter my myrtle na nail nam nan nana napoleon natal nation
    nations nau nave nay near ned nee neighbors netter nettles neu new newborn newcomer newton
    ney nez ng nga ngo nia nice nicely nick nickel nickels nickle nickles nicks nigh nightingale
    nipper nix noble nobles noe noel noon north northern nova novella nu null numbers nunnery
    nurse nutting nye oaks oda officer ogg ogle ogles oh ohl oja ok ola old olden olive oma
    omega ona ong ono opal opp ora orange orchard ore organ orr ota ott otter ours outlaw
    overall overly oxford pa pace pack packer paddock pagan page painter pair paisley pak pal
    palazzo palm palomino pals pam pan pane pang pansy panther papa papas paradise pardon pare
    parent paris parish park parks parry parsley parson parsons partridge paschal pass pastor
    pasty pat patch pate patience patsy patty paz peace peach peacock peak pearl pearly pease
    peck peed peek peel peer peg pei pelt pence penning penny people peoples pepper peppers
    person persons peters petite petty pew phoebe phoenix phu pia piazza pica piccolo pick
    pickerel pickle pickles pier pierce pigeon pike pilgrim pillar pillow pilot pine pines ping
    pinion pink pinkie pinto pio piper pipes pippin pippins pita pitcher place plain plank plant
    plaster player plaza pleas pleasant plowman plum plumb plunk poe pointer pok poling polite
    poll polo pon pond ponder ponds pontiff pool poor pope poplar poplin porch porsche port
    porter poss post potter pou pound pounds power powers pray precious press pressman pretty
    price pride priest prim prime primmer prince princess prior proctor profit prom proper
    province provost prude prudence pry pua puff puffer pulley puma punch purser putt pye queen
    quick quill quirk race rae rafter rains rainwater raj rake rakes randy range ranger rank
    ransom rao rape rapier rash rather rau raven ray re rea reach read reader reading ready real
    ream reamer reams reaper reason record rector red redden reddish reed reedy reel reeve
    reeves register rein reis render revels rew rex rey rhea rhymes ria rice rich richer rick
    ricks riddle riddles rider ridge riding rife riffle riles rimes ring ringer rink rio ripple
    riser risk river rivers rivet rix ro roa roach roan rob robin robins rock rocker rocky rod
    rode roe roebuck roger rogers rogue roles roll roller rolling romaine roman ron rood roof
    rook rooks room root roots ros rose rosemary rosette rosier rosin rosy rote rounds rouse row
    roy royal royals royalty ruble ruby rudder ruddy rude ruder rue ruf ruff ruffing rui rule
    rumble runnels runner running rush rushing rusk rust rusty rye ryo sack sacks sae sage sager
    said sailor sak sal salaam sale sales salmon salmons salter salvo sam sample samples sand
    sander sanders sandman sands sandy sane saner sang santa sao sari sass sau saucier savage
    savanna savannah savant saver savory sawyer sawyers sax say scales scarlet schmaltz schmalz
    schmuck scull scurry sea seal seals seaman sears season seats see self sell sellers sells
    seltzer selvage senior seo september sera sergeant sermons service session sessions settle
    settles sever severance severe severs sexton sha shad shade shah shake shank shanks sharp
    sharper shaver shavers shear shearer shears sheen sheets shell sheller shepherd sheriff
    sherry shield shields shilling shillings shim shin shine shiner shire shires shirk shiver
    shivers shock shoe shoemaker shook shore shores short shorter shorts shoulders showers
    showman shows shu shuck shuffler shy sibyl sickles sid sides sierra silk sill sills silver
    silvers sim simmers sims sin sine sing singer singleton sink sites situ siu six sizer skates
    skipper slack slate slaughter slay sledge sleeper slick slough sly small smalls smart smiley
    smit smith smock smothers snider snipes snow so sober sobers sok sol solar soles son song
    sonny sons soo soon sorrels sours south southern sowers spade span sparkle sparks sparrow
    spates speaker speaks spear spears speck speed spell speller spells spies spikes spinner
    spires spoon spray spring springs sprinkle spry square squire squires stabler stack stacks
    staff stage staggers stair stairs stalker stall stalling stamp stamps standard stapler
    staples star stark starling start states stead steed steel steely stein stem steppe sterling
    stern sterner sterns steward stickler stiff stiles still stiller stills stinger stock
    stocking stocks stoke stoker stokes stone stoner stoney stoops stops storey stork storm
    storms stormy story stout straight strain strait strand strange straw street streets
    stringer stripling strode strong struck strum stuck stump sturgeon styles su sue suh suits
    suk sultan sum summer summers sun sunday sung sunni sunny sunshine super surface swain
    swallow swan swank sweat sweet sweeten swift swim swims swindle swindler swing swisher sword
    swords sy sydney ta tack tad tai tall tally tam tan tang tank tanner tao tardy tarry tart
    tarter tawny tay tea teal ted tee teed teems teeter teeters tell teller temple temples
    tequila terra terry test tester tew thai than thatch thatcher thi thorn thrall thrash
    thrasher thresher thrift thrower thrush thu tia tiara tickle tiger till tiller tim tingle
    tinker tinkle tiny tittle to tod toi toll tome tomes toms ton tone toner tong tony topping
    touchstone tow tower towers town towns toy trader trail trainer trammel treat trice trim
    trimmer trinity troop trotter troupe trout troy true trump truss trusty tse tso tu tuck
    tucker tufts tune turner tutor tweed tweedy twine twining ty tye uhl ula ulm un una ung
    urban usher ute utt utter utz uwe uy val vale valentine valley van vanish vaz veal velvet
    venus ver vermillion vessels vest vi via vice victory vigil villa vine vines vineyard viola
    violet virgin virginia vital viva vo von vos vowels vu vue wacker waddle wade wafer wager
    wagers wages wagoner wai wait waiters waits wake waldo wales walk walker wall walling walls
    waltz wan wanner ward warden ware warren warrior wash washer watchman waters watt watts wax
    way wear weary weathers weaver wedding wedge wee weed weekly weeks weight weir welch welcome
    well welling wellington wells welsh welter wen wes west western wetter wheat wheeler
    wheelwright whetstone whistler white whiten whitener whiting whittle wick wicker wicks
    wiener wight wild wilder wilds wile wiles will willow wills wilt wind windy wine wines wing
    winger wink winner winter winters wire wisdom wise wiser withers witty wix wm wolf wolfram
    womble won woo wood woodcock wooden wooding woodland woodman woods woody word work workman
    works worm worth worthy wren wright wu xie xin xu yan yang yao yap yard yau yawn ye yee yeh
    yen yeoman yer yi yim yin yip yon yoo you young younger yow yu yuk yun zak zeh zhu
    """
)
