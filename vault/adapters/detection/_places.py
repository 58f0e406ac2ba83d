"""Countries, regions, US states and cities of 100,000+ people (GeoNames, CC BY 4.0), lower case."""

from __future__ import annotations

__all__ = ["PLACES", "PLACES_CAPITALISED"]


def _places(text: str) -> frozenset[str]:
    return frozenset(" ".join(p.split()) for p in text.split("|") if p.strip())


# Matched in any case: none of their words is an ordinary English word.
PLACES = _places(
    """
    a coruna | a coruña | aachen | aalborg | aalen | aalst | aba | abadan | abaetetuba |
    abakaliki | abakan | abbotsford | abbottabad | abeche | abengourou | abeokuta | aberdeen |
    abha | abidjan | abiko | abilene | abington | abnub | abnūb | abobo | abohar | abomey |
    abomey-calavi | abreu e lima | abu al-kahsib | abu dhabi | abu ghurayb | abu kabir | abu tij
    | abuja | abéché | abū al-kahṣīb | abū ghurayb | abū kabīr | abū tīj | acailandia | acapulco
    de juarez | acapulco de juárez | acarigua | accra | acerra | achalpur | acheng | achinsk |
    acilia-castel fusano-ostia antica | acton | ad-damazin | ad-damir | adachi | adana |
    adapazar | adapazarı | addis ababa | adelaide | adelaide hills | aden | adigrat | adilabad |
    adiwerna | admiralteisky | ado-ekiti | adoni | adyaman | adıyaman | afghanistan | afragola |
    africa | afyonkarahisar | agadez | agadir | agartala | agege | ageo | agr | agra | aguas
    claras | aguas lindas de goias | aguascalientes | ahar | ahilyanagar | ahlen | ahmadpur east
    | ahmedabad | ahuntsic-cartierville | ahvaz | ahwatukee foothills | aihara | aihui | ain
    beida | airdrie | airoli | ait melloul | aix-en-provence | aizawl | aizu-wakamatsu | ajaccio
    | ajapnyak | ajax | ajdabiya | ajegunle | ajlun | ajman | ajmer | akademicheskoe | akashi |
    akhmim | akhmīm | akishima | akita | akola | akowonjo | akron | aksaray | aktau | aktobe |
    akure | al ahmadi | al ain city | al ajaylat | al amarah | al ashir min ramadan | al aḩmadī
    | al bab | al basrah al qadimah | al bayda | al bayḑā' | al başrah al qadīmah | al bāb | al
    diwaniyah | al fallujah | al fallūjah | al fashn | al faw | al fayyum | al fqih ben calah |
    al fqih ben çalah | al fāw | al hasakah | al hawamidiyah | al hillah | al hindiyah | al
    hindīyah | al hoceima | al hoceïma | al hudaydah | al hufuf | al hufūf | al jadid | al jadīd
    | al jubayl | al jumayl | al kharj | al khums | al khusus | al khuşūş | al madinah | al
    madīnah | al mahallah al kubra | al mahmudiyah | al majaz | al manaqil | al mansurah | al
    manzalah | al manāqil | al matariyah | al mawsil al jadidah | al mawşil al jadīdah | al
    maţarīyah | al maḩallah al kubrá | al maḩmūdīyah | al miqdadiyah | al miqdādīyah | al
    mubarraz | al muharraq | al qadarif | al qahirah al jadidah | al qamishli | al qurnah | al
    qāhirah al jadīdah | al qāmishlī | al ḩasakah | al ḩawāmidīyah | al ḩudaydah | al ‘amārah |
    al ‘āshir min ramaḑān | al'met'yevsk | al-'ubur | al-'ubūr | al-junaynah | al-kut |
    al-musayab | ala'er | alabama | alafaya | alagoinhas | alamar | alameda | aland islands |
    alandur | alanya | alappuzha | alasia | alaska | albacete | albania | albany | albany park |
    alberta | alberton | albi | albuquerque | alcala de guadaira | alcala de henares | alcalá de
    guadaira | alcalá de henares | alchevsk | alcobendas | alcorcon | alcorcón | alcoy | aleppo
    | alessandria | alesund | alexandra | alexandria | aley | algeciras | algeria | algiers |
    algorta | algueirao | algueirão | alhambra | aliayabiagba | alicante | alief | aligarh |
    alimosho | aliso viejo | alkmaar | allapattah | allen | allentown | almaty | almelo |
    almendares | almere stad | almeria | almería | almetyevsk | almirante tamandare | almirante
    tamandaré | alor setar | alpharetta | alphen aan den rijn | alt-hohenschonhausen |
    alt-hohenschönhausen | altamira | altamura | alto barinas | alto hospicio | altona | aluche
    | alvaro obregon | alvorada | alwar | alīgarh | amadora | amagasaki | amaigbo | amanfrom |
    amarapura | amaravati | amarillo | amasya | ambala | ambala sadar | ambarnath | ambato |
    ambattur | ambikapur | ambikāpur | ambon | ambur | ambāla | america | american samoa |
    americana | amersfoort | ames | amherst | amiens | amman | amol | amora | ampang | amravati
    | amreli | amritsar | amroha | amstelveen | amsterdam | amsterdam-zuidoost | an nhon | an
    nhơn | an nuhud | an nuhūd | an numaniyah | an nu‘mānīyah | anaco | anaheim | anand |
    ananindeua | anantapur | anantnag | anapolis | anatolia | anbu | ancona | anda | andalusia |
    anderlecht | anderson | andijon | andimeshk | andisheh | andong | andorra | andria |
    andīmeshk | andīsheh | angarsk | angeles city | angoche | angola | angono | angra dos reis |
    angren | anguilla | anjo | anjō | ankang | ankara | ankeny | anliu | ann | ann arbor |
    annaba | anning | anqing | anqiu | ansan-si | anshan | anshun | antakya | antalya |
    antananarivo | antarctica | antibes | antigua and barbuda | antioch | antipolo | antofagasta
    | antony | antsirabe | antsiranana | antwerp | anyama | anyang | anyang-si | anápolis |
    aomori | apalit | aparecida de goiania | aparecida de goiânia | apatzingan | apatzingán |
    apeldoorn | apopa | appleton | aprilia | apucarana | aqsu | ar ramtha | ar ramthā | ar
    raqqah | ar rayyan | ar rayyān | ar rifa | ar rifā‘ | arabi | arabkir | aracaju | aracatuba
    | arad | araguaina | araguari | araguaína | arak | arakawa | aranjuez | arapiraca |
    arapongas | arar | araraquara | araras | araruama | araucaria | araucária | araure | araxa |
    araxá | araçatuba | arba minch | arcadia | arcahaie | ardabil | ardabīl | arden-arcade |
    arenella | arequipa | arezzo | arganda | arganzuela | argenteuil | argentina | arhus | arica
    | arif wala | arifwala | arish | arizona | arjawinangun | arkansas | arkhangel'sk |
    arkhangelsk | arles | arlington | arlington heights | arlit | armavir | armenia | arnavutkoy
    | arnavutköy | arnhem | arnsberg | arona | arrah | arrecife | arroyo naranjo | arsuz | artem
    | artur alvim | artux | artëm | aruba | arusha | arvada | aryanah | arzamas | arāk | arīsh |
    as salimiyah | as salţ | as samawah | as sinbillawayn | as sinbillāwayn | as suwayq | as
    sālimīyah | asahikawa | asaka | asansol | aschaffenburg | asela | ash sharqat | ash sharqāt
    | ash shatrah | ash shaţrah | ashaiman | ashdod | asheville | ashford | ashgabat | ashikaga
    | ashkelon | ashmun | ashmūn | ashoknagar kalyangarh | ashuganj city | asia | asker | asmara
    | asnieres-sur-seine | asnières-sur-seine | aspern | assen | assis | assiut | astana |
    astanajapura | asti | astoria | asuncion | asunción | aswan | aswān | atani | atascocita |
    atasehir | ataşehir | atbara | athens | athlone | atibaia | atlanta | atsiaman | atsugi |
    attock city | atyrau | aubervilliers | auckland | augsburg | aulnay-sous-bois | aurangabad |
    aurangābād | aurora | austin | australia | austria | avadi | avedre | avedøre | aveiro |
    avellaneda | aversa | avignon | avila | aviles | avilés | avondale | avtozavodskyi | awasa |
    awka | ayacucho | aydn | aydın | aylesbury | aylmer | az zawiyah | az zubayr | az zulfi | az
    zulfī | az zāwīyah | azamgarh | azare | azcapotzalco | azerbaijan | açailândia | aïn beïda |
    ağrı | ba dinh | ba on | ba vi | ba vì | ba đồn | bab ezzouar | babol | bac giang | bac lieu
    | bac ninh | bac quang | bac tu liem | bacabal | bacau | bachuan | bacolod city | bacoor |
    bacău | bad salzuflen | badajoz | badalona | baden-baden | badin | badlapur | bafoussam |
    bagaha | bagalkot | bagclar | bagerhat | baghdad | bagheria | baghlan | baghlān | bago |
    bago city | bagong silang | bagong silangan | baguio | bahadurgarh | bahamas | baharampur |
    baharestan | baharkah | bahawalnagar | bahawalpur | bahcelievler | bahia blanca | bahir dar
    | bahraigh | bahrain | bahçelievler | bahía blanca | bahārestān | baia farta | baia mare |
    baicheng | baidoa | baidyabati | baidyabāti | bairro da penha | baise | baisha | baishan |
    baiyin | bakersfield | baku | bakwa | balakovo | balashikha | balasore | balbala | balcon de
    la lisa | balcón de la lisa | baldwin park | bali | balikpapan | baliuag | balkans |
    balkesir | balkh | ballarat | ballari | balneario camboriu | balneário camboriú | balombo |
    balti | baltimore | balurghat | balvanera | balıkesir | bama | bamako | bamberg | bamenda |
    ban i chang | ban khlong prawet | ban samae dam | banan | banda | banda aceh | bandar abbas
    | bandar bukit raja | bandar lampung | bandar mahkota cheras | bandar seri alam | bandar
    sunway | bandar tasik puteri | bandar utama | bandar-e anzali | bandar-e anzalī | bandar-e
    mahshahr | bandar-e māhshahr | bandarban | bandrma | bandundu province | bandung | bandırma
    | baneh | banfora | bang bon | bang kapi | bang khae | bang khun thian | bangaon | bangkok |
    bangkok noi | bangladesh | bangor | bangui | banha | banhā | bani mazar | bani suwayf |
    banja luka | banjar | banjaran | banjarbaru | banjarmasin | bankura | bannu | banqiao |
    bansbaria | banswara | banyuwangi | banī mazār | banī suwayf | bao loc | bao'an | bao'an
    centre | baoding | baoji | baoshan | baotou | baqubah | barakaldo | baraki | barakpur |
    baran | baranagar | baranovichi | barasat | barbacena | barbados | barcarena | barcelona |
    barddhaman | barddhamān | bareilly | bari | bariadi | barinas | baripada | baripāda |
    barishal | barletta | barnala | barnaul | barnsley | barnāla | barquisimeto | barra mansa |
    barrancabermeja | barranquilla | barreiras | barreiro | barretos | barri de sant andreu |
    barrie | barriera di lanzo | barriera di milano | barrow in furness | barry | barshi |
    bartlett | barueri | baruta | barysaw | basaksehir | basel | bashan | basildon | basingstoke
    | basirhat city | basrah | basti | bastī | basuo | bata | batala | batam | batang | batangas
    | bataysk | bathinda | batikent | batman | batna | battagram | battambang | battersea | batu
    | batu caves | batu pahat | batumi | baturaja | batāla | baubau | bauchi | bauru | bavaria |
    bawshar | bayambang | bayamo | bayamon | bayamón | bayan lepas | bayan nur | bayawan | bayji
    | bayjī | bayonne | bayreuth | bayside | baytown | bayugan | bazhong | baía farta | bağcılar
    | başakşehir | baḥarkah | beau bassin-rose hill | beaumont | beauport | beauvais | beaverton
    | beawar | bebington | bechar | bechatow | beckenham | becontree | bedford | bedok new town
    | bedzin | beed | beersheba | begoua | begusarai | behbahan | behbahān | bei'an | beian |
    beibei | beihai | beijing | beiliu | beining | beipiao | beira | beirut | bejaia | bekasi |
    belagavi | belarus | belawan | belem | belfast | belford roxo | belfort | belgium | belgorod
    | belgrade | belgrano | belize | bella vista | belleville | bellevue | bellflower |
    bellingham | bello | belmont cragin | belo horizonte | belém | bemowo | ben cat | ben tre |
    benalmadena | benalmádena | bendigo | benevento | benfica | bengaluru | bengbu | benghazi |
    bengkulu | benguela | beni | beni mellal | benidorm | benin | benin city | benito juarez |
    benito juárez | benoni | bensalem | bensonhurst | bento goncalves | bento gonçalves | benxi
    | beppu | berazategui | berbera | berberati | berbérati | bercham | berdyansk | berezniki |
    bergamo | bergedorf | bergen | bergen op zoom | bergheim | bergisch gladbach | bergkamen |
    berkane | berkeley | berlin | berlin kopenick | berlin köpenick | bermuda | bern | berrechid
    | bertoua | berwick | berwyn | besancon | besançon | bet shemesh | bethesda | bethlehem |
    betim | bettiah | betul | betūl | beverly hills | bexley | beylikduzu | beylikdüzü | beziers
    | beāwar | bełchatów | bhadrak | bhadravati | bhadreswar | bhadrāvati | bhagalpur | bhairab
    bazar | bhairab bāzār | bhakkar | bhalswa jahangirpur | bharatpur | bharuch | bharūch |
    bhatara | bhatpara | bhavnagar | bhawana | bhayandar | bhetia | bhilai | bhilwara |
    bhimavaram | bhind | bhisho | bhiwadi | bhiwandi | bhiwani | bhiwāni | bhopal | bhubaneswar
    | bhuj | bhusawal | bhutan | bhāgalpur | bhālswa jahangirpur | bhātpāra | biaa podlaska |
    biaoeka | biaystok | biała podlaska | białołeka | białystok | bibirevo | bida | bidar |
    biel/bienne | bielany | bielefeld | bielsko-biala | bien hoa | bihar sharif | bihār sharīf |
    bijie | bikaner | bila tserkva | bilaspur | bilbao | bilbeis | bilimora | billstedt | bilqas
    | bilqās | bilāspur | bima | binan | binangonan | bingol | bingöl | binh thanh | binh thuy |
    binjai | bintulu | binzhou | biratnagar | birendranagar | birganj | birgañj | birigui |
    birjand | birkenhead | birmingham | birnin kebbi | biryulevo | biryulëvo | bisceglie |
    bishan | bishkek | bishoftu | biskra | bismarck | bissau | bitonto | bitung | biysk |
    bizerte | biên hòa | biñan | blackburn | blackpool | blagoveshchensk | blaine | blantyre |
    bletchley | blida | blitar | bloemfontein | blois | bloomington | blumenau | bnei brak | bo
    e | boadilla del monte | bobo-dioulasso | bobruysk | boca raton | bocholt | bochum | bocoio
    | bogenhausen | bognor regis | bogor | bogorodskoye | bogota | bogotá | bogra | bohemia |
    bohuniya | boise | bojnurd | bojnūrd | bokaro | bokhtar | boksburg | bokāro | bolingbrook |
    bolivia | bolton | bolu | bolzano | boma | bombay | bonaire, saint eustatius and saba  |
    bondoukou | bonita springs | bonn | bonon | bontang | bootle | borama | boras | borazjan |
    bordeaux | bordj bou arreridj | bordj el kiffan | borivli | borshchahivka | borujerd | borås
    | borāzjān | borūjerd | boshan | bosnia | bosnia and herzegovina | bosque saude | bosque
    saúde | boston | botad | botshabelo | botswana | bottrop | botucatu | bou saada | bou saâda
    | bouafle | bouaflé | bouake | bouaké | boulogne-billancourt | bourges | bournemouth |
    bouskoura | bouvet island | bowie | boyeros | boyle heights | boynton beach | bozhou |
    bracknell | bradenton | bradford | braga | braganca | braganca paulista | bragança |
    bragança paulista | brahmanbaria | brahmapur | braila | braintree | brakpan | brampton |
    brandenburg an der havel | brandon | brantford | brasilandia | brasilia | brasov | brasília
    | brateyevo | bratislava | bratsk | braunschweig | brazil | brazzaville | braşov | breda |
    bremen | bremerhaven | brent | brentwood | brescia | brest | breves | briarwood | bridgeport
    | brighouse-city centre | brighton | brigittenau | brindisi | brisbane | bristol | britain |
    british columbia | british indian ocean territory | british virgin islands | brits |
    brittany | brive-la-gaillarde | brixton | brno | brockton | bromma | bronx | brookhaven |
    brookline | brooklyn | brooklyn park | broomfield | brossard | brovary | brownsville |
    brugge | brunei | brussels | bryan | bryansk | brāhmanbāria | brăila | bucaramanga |
    bucharest | bucheon-si | buckley | buda | budapest | budapest iii. kerulet | budapest iii.
    kerület | budapest xi. kerulet | budapest xi. kerület | budapest xiii. kerulet | budapest
    xiii. kerület | budaun | budta | buea | buena park | buenaventura | buenavista | bueng kum |
    buenos aires | buguma | buhe | bujumbura | bukama | bukan | bukavu | bukhara | bukit batok
    new town | bukit bintang | bukit jalil | bukit merah estate | bukit mertajam | bukit panjang
    new town | bukit rahman putra | bukittinggi | bukoba | bulandshahr | bulaon | bulawayo |
    bulgaria | bumba | bunamwaya | bunbury | bunda | bundaberg | bundi | bunia | bunkyo | buon
    ho | buon ma thuot | burari | buraydah | burayu | burbank | burewala | burgas | burgos |
    burhanpur | burhānpur | burien | burkina faso | burlington | burma | burnaby | burnley |
    burnsville | bursa | burton upon trent | burundi | burāri | busan | bushehr | bushwick |
    busto arsizio | butanta | butembo | butterworth | butuan | butwal | butwāl | buxar |
    buyukcekmece | buzau | buzău | buôn hồ | buôn ma thuột | bydgoszcz | bytom | béchar | bégoua
    | béjaïa | béziers | bình thạnh | bình thủy | büyükçekmece | bābol | bāli | bālurghāt |
    bānda | bāndarban | bāneh | bānkura | bānsbāria | bānswāra | bārākpur | bārān | bārāsat |
    bălţi | będzin | bīrjand | būkān | būndi | būsh | bạc liêu | bảo lộc | bắc giang | bắc ninh
    | bắc quang | bắc từ liêm | bến cát | bến tre | bồ đề | ca mau | caala | cabanatuan city |
    cabimas | cabinda | cabo de santo agostinho | cabo frio | cabo san lucas | cabo verde |
    cabudare | cabudwaaq | cabuyao | cacak | cacem | caceres | cachoeirinha | cachoeiro de
    itapemirim | cacuaco | cacém | cadiz | caen | cagayan de oro | cagliari | cagua | cai lay |
    cai lậy | caieiras | cainta | cairo | cajamarca | calabar | calabozo | calais | calama |
    calamba | calasiao | calcutta | caldwell | caledon | calgary | cali | california | callao |
    caloocan | caloundra | caltanissetta | calumbo | calumpit | calvia | calvià | cam pha | cam
    pha mines | cam ranh | camacari | camaguey | camagüey | camama | camaragibe | camarillo |
    camayenne | camaçari | cambe | cambodia | cambridge | cambé | camden | cameroon | cameta |
    cametá | campeche | campina | campina grande | campinas | campiña | campo di marte | campo
    grande | campo largo | campo limpo | campos dos goytacazes | can giuoc | canada | canakkale
    | canarsie | canberra | cancun | cancún | candelaria | cangaiba | cangzhou | cankaya |
    cannes | cannock | canoas | canoga park | canterbury | cao lanh | cao lãnh | cap-haitien |
    cap-haïtien | capao redondo | capas | cape verde | capelle aan den ijssel | capiata |
    capiatá | carabanchel | caracas | caraguatatuba | carapicuiba | carapicuíba | cardiff |
    cariacica | caribbean | carletonville | carlisle | carlsbad | carmel | carmichael | carmona
    | carnot | carolina | carora | carrara | carrefour | carrollton | carson | carson city |
    cartagena | cartago | caruaru | carupano | cary | carúpano | casa grande | casablanca |
    casas adobes | cascavel | caserta | casoria | casper | castanhal | castelar | castellammare
    di stabia | castelldefels | castello de la plana | castelló de la plana | castlereagh |
    castro valley | castrop-rauxel | catacamas | catalao | catalina foothills | catalonia |
    catalão | catamarca | catanduva | catania | catanzaro | catbalogan | catchiungo | catia la
    mar | cau giay | caucaia | cava de tirreni | cava dè tirreni | cavite city | caxias | caxias
    do sul | cayman islands | cazenga | caála | cebu city | ceilandia | ceilândia | celaya |
    celina | celle | central african republic | centralniy | centreville | centro | centro
    habana | cerdanyola del valles | cerdanyola del vallès | cergy | cergy-pontoise | cerignola
    | cerro | cesena | ceuta | ch'ŏngdan-ŭp | chaeryong-ni | chaeryŏng-ni | chak jhumra |
    chakwal | chakwama | chalco | chalons-en-champagne | chalus | chaman | chamartin | chamartín
    | chamberi | chambery | chamberí | chambéry | champaign | champigny-sur-marne | chanda |
    chandannagar | chandigarh | chandpur | chanduasi | chang-hua | changam-ch'on | changam-chon
    | changchun | changde | changhua | changji | changle | changning | changsha | changshu |
    changwon | changyi | changyuan | changzheng | changzhi | changzhou | chaohu | chaoyang |
    chaozhou | chapeco | chapecó | chapra | charallave | charleroi | charlesbourg | charleston |
    charleville-mezieres | charleville-mézières | charlotte | charlottenburg | charsadda | chas
    | chateauroux | chatham | chattanooga | chattogram | chatuchak | cheboksary | chechnya |
    cheektowaga | chelmsford | chelsea | cheltenham | chelyabinsk | chemnitz | chengde | chengdu
    | chenggu | chengguan qu | chenghua | chengqiao | chengtangcun | chengzhong | chennai |
    chenzhou | cheonan | cheongju-si | cheras | cheremushki | cheremushky | cherepovets |
    cherkasy | cherkessk | chernihiv | chernivtsi | chertanovo yuzhnoye | cherëmushki |
    chesapeake | chester | chesterfield | chetumal | cheyenne | chełm | chhatarpur | chhindwara
    | chhindwāra | chi linh | chia | chiang mai | chiayi city | chiba | chicago | chicago lawn |
    chichawatni | chichicastenango | chiclana de la frontera | chiclayo | chico | chicoloapan |
    chicopee | chicoutimi | chifeng | chigasaki | chihuahua | chikmagalur | chikmagalūr |
    chikusei | chikushino-shi | chilakalurupet | chilakalūrupet | chilanzar | chililabombwe |
    chillan | chilliwack | chillán | chilpancingo | chimbote | chimoio | chinandega | chinatown
    | chinautla | chincha alta | chingford | chingola | chiniot | chinju | chipata | chiquimula
    | chirchiq | chirmiri | chishtian | chisinau | chita | chitato | chitradurga | chittoor |
    chittorgarh | chitungwiza | chizhou | chlef | cho lon | chofu | cholet | choloma | cholula |
    chom thong | chomedey | chon buri | chon thanh | chongdan-up | chongfu | chongjin |
    chongming | chongqing | chongzuo | chorzow | chorzów | christchurch | christmas island | chu
    | chula vista | chumakivskyi | chuncheon | chunga | chungju | chunian | chuo | churu | chust
    | chuxiong | chuzhou | châlons-en-champagne | châteauroux | chéngguān qū | chí linh | chía |
    chóngfú | chālūs | chānda | chāndpur | chāpra | chōfu | chũ | chūru | chūō | chơn thành |
    chợ lớn | ciamis | ciampea | cianjur | cibinong | cicero | cidade ademar | cidade dutra |
    cidade lider | cidade tiradentes | ciego de avila | ciego de ávila | cienfuegos | cigli |
    cikampek | cikarang | cikupa | cilacap | cilegon | cileungsir | cileunyi | cimahi |
    cincinnati | cinisello balsamo | ciputat | circoiscrizione i | circoiscrizione ii |
    circoiscrizione iii | circoiscrizione iv | circoiscrizione v | circoiscrizione vi |
    circoiscrizione vii | circoiscrizione viii | cirebon | citeureup | city of milford (balance)
    | city of port phillip | city of westminster | ciudad acuna | ciudad acuña | ciudad apodaca
    | ciudad benito juarez | ciudad benito juárez | ciudad bolivar | ciudad bolívar | ciudad
    camilo cienfuegos | ciudad del carmen | ciudad del este | ciudad delicias | ciudad general
    escobedo | ciudad guayana | ciudad guzman | ciudad guzmán | ciudad juarez | ciudad juárez |
    ciudad lazaro cardenas | ciudad lineal | ciudad lopez mateos | ciudad lázaro cárdenas |
    ciudad lópez mateos | ciudad madero | ciudad nezahualcoyotl | ciudad obregon | ciudad
    obregón | ciudad ojeda | ciudad real | ciudad valles | ciudad victoria | ciutat vella | cixi
    | cizre | clacton-on-sea | clamart | clarksville | clearwater | clermont-ferrand | cleveland
    | clichy | clifton | clinton township | cloverdale | clovis | cluj-napoca | co o | coacalco
    | coatepeque | coatzacoalcos | coban | cobán | cochabamba | cocos islands | codo | codó |
    coffs harbour | coimbatore | coimbra | colatina | colchester | colima | colina |
    collado-villalba | colmar | colombes | colombia | colombo | colonia del valle | colonia
    lindavista | colorado | colorado springs | colton | columbia | columbus | comilla | comitan
    | comitán | como | comodoro rivadavia | comoros | compton | conakry | concepcion |
    concepción | concordia | coney island | congo | connecticut | conroe | conselheiro lafaiete
    | constanta | constantine | constanţa | contagem | conway | copacabana | copenhagen |
    copiapo | copiapó | coquimbo | coquitlam | corby | cordoba | cordova | corlu | cornella de
    llobregat | cornellà de llobregat | coro | coronel | coronel fabriciano | corpus christi |
    corrientes | corroios | corsica | corum | corvallis | cosenza | coslada | costa mesa | costa
    rica | cotabato | cotia | cotonou | cottbus | courbevoie | coventry | cox's bāzār | coxs
    bazar | coyoacan | coyoacán | craigavon | craigieburn | craiova | cranston | crato | crawley
    | cremona | creteil | crewe | criciuma | criciúma | cricklewood | crimea | croatia |
    croix-des-bouquets | crotone | croydon | créteil | cua | cuauhtemoc | cuauhtémoc |
    cuautitlan | cuautitlan izcalli | cuautitlán | cuautitlán izcalli | cuautla | cuba | cubatao
    | cubatão | cucuta | cuddalore | cuenca | cuernavaca | cuiaba | cuiabá | cuito | culiacan |
    culiacán | cumana | cumaná | cumbernauld | cuneo | cupertino | curacao | curico | curicó |
    curitiba | cursino | curug | cusco | cuttack | cuxhaven | cuíto | cyprus | czech republic |
    czechia | czestochowa | częstochowa | cà mau | cáceres | córdoba | cúa | cúcuta | cần giuộc
    | cần thơ | cầu giấy | cẩm phả | cẩm phả mines | cờ đỏ | da nang | dabou | dabrowa gornicza
    | dachang | dadu | daegu | daejeon | dagenham | dagupan | daito | daitō | dajal | dakar |
    dakhla | dali | dalian | daliang | dallas | daloa | dalupura | daly city | dalūpura |
    damanhur | damascus | damietta | dammam | damoh | danbury | dandong | danli | danlí |
    danshui | daoukro | daqing | dar bouazza | dar es salaam | darbhanga | darjiling |
    darlington | darmstadt | darnah | darnytsya | dartford | dartmouth | darwin | dasha | daska
    kalan | dasmarinas | dasmariñas | dasoguz | datia | datong | datun | daule | daur |
    davangere | davao | davie | davis | dawei | dawukou | daxing | daxing'anling | daxinganling
    | daye | dayrah | dayrut | dayrūţ | dayton | daytona beach | dazhou | daşoguz | dchira el
    jihadia | dearborn | dearborn heights | debre birhan | debre mark'os | debre markos | debre
    tabor | debrecen | decatur | deerfield beach | deesa | dehiwala-mount lavinia | dehradun |
    dehui | deir ez-zor | delano | delaware | delegacion cuajimalpa de morelos | delegación
    cuajimalpa de morelos | delft | delhi | delhi cantonment | delicias | delmas | delmenhorst |
    delray beach | deltona | democratic republic of the congo | den helder | dengzhou | denizli
    | denmark | denpasar | denton | denver | deoghar | deoli | deoria | depok | dera ghazi khan
    | dera ismail khan | dera murad jamali | derbent | derince | derry | des moines | des
    plaines | desna | desnyanskyi | desoto | dessalines | dessau | dessie | detmold | detroit |
    deurne | deventer | dewas | dewsbury | deyang | dezful | dezhou | dhaka | dhamar | dhamtari
    | dhamār | dhanbad | dhangadhi | dhangaḍhi̇̄ | dharan | dharashiv | dharavi | dharmavaram |
    dharān | dhaulpur | dhirkot | dhule | dhārāvi | di an | diadema | dibrugarh | didao |
    diepsloot | diez de octubre | digos | digri | dihok | dijon | dikirnis | dila | dili |
    dimapur | dimitrovgrad | dimāpur | din daeng | dinaig | dinajpur | dinapore | dinapur
    nizamat | dindigul | dingxi | dingzhou | dinslaken | diourbel | dire dawa | district of
    columbia | disuq | disūq | divinopolis | divinópolis | divo | dixinn | diyarbakr |
    diyarbakır | djelfa | djibouti | dnipro | dniprovskyi | dobling | dodoma | doha | dohad |
    doilungdeqen | doilungdêqên | dokri | dolisie | dombivali | dominica | dominican republic |
    donaustadt | doncaster | donetsk | dongguan | donghae city | donghai | dongling | dongtai |
    dongyang | dongying | donostia / san sebastian | donostia / san sebastián | doral |
    dorchester | dordrecht | dormagen | dorsten | dortmund | dorud | dorūd | dos hermanas |
    dosquebradas | dothan | douala | douliu | dourados | downey | downtown dc | downtown
    vancouver | drammen | drancy | dresden | drummondville | dubai | dubai investments park |
    dubai marina | dublin | dubreka | dubréka | dubuque | dudley | duekoue | duekoué | duisburg
    | duluth | duma | dumaguete | dumai | dundalk | dundee | dundo | dunedin | dunfermline |
    dunhua | dunhuang | dunkirk | dunstable | duque de caxias | durban | duren | durg | durgapur
    | durham | durres | durrës | dushanbe | dusit | dusseldorf | duyun | duzce | dzerzhinsk |
    döbling | düren | düsseldorf | düzce | dārjiling | dąbrowa górnicza | dĩ an | dīla | dūmā |
    e'zhou | eagan | east chattanooga | east flatbush | east hampton | east harlem | east
    hartford | east hastings | east helsinki | east jerusalem | east kilbride | east london |
    east los angeles | east new york | east norwalk | east pensacola heights | east timor |
    eastbourne | eastleigh | eastvale | eau claire | ebetsu | ebina | ebolowa | ebute ikorodu |
    ecatepec de morelos | ecuador | ede | edea | eden prairie | edgewater | edina | edinburg |
    edinburgh | edirne | edison | edmond | edmonton | edogawe | edéa | efon-alaaye | egypt |
    eimsbuttel | eimsbüttel | eindhoven | eisenzicken | eixample | ejido | ejigbo | ekibastuz |
    el achir | el cajon | el daein | el dibir | el ejido | el eulma | el fasher | el geneina
    fort | el jadida | el kelaa des srarhna | el limon | el limón | el monte | el mourouj | el
    obeid | el oued | el paso | el prat de llobregat | el progreso | el salvador | el tigre | el
    vigia | el vigía | elazg | elazığ | elbasan | elblag | elbląg | elche | elda | eldoret |
    elektrostal | elektrostal' | elgin | elista | elizabeth | elkhart | ellesmere port town |
    ellicott city | elmhurst | eloy alfaro | eluru | elyria | emalahleni | embu das artes |
    emden | eminabad | emmen | encanto | encheng | encinitas | enfield town | engels | england |
    enid | enschede | ensenada | enshi | entebbe | enugu | envigado | epworth | erbil | ercolano
    | erebuni | eregli | ereğli | erftstadt | erfurt | erie | eritrea | erlangen | ermelino
    matarazzo | ermelo | errachidia | erzincan | erzurum | esbjerg | eschweiler | escondido |
    escuintla | esenler | esenyurt | esher | eskilstuna | eskisehir | eskişehir | eslamshahr |
    esmeraldas | esna | espoo | essen | esslingen | estepona | estonia | esuk oron | eswatini |
    etah | etawah | ethiopia | etobicoke | etwatwa | etāwah | eugene | euless | eunapolis |
    eunápolis | europe | euskirchen | evanston | evansville | evaton | everett | evora | evreux
    | evry | exeter | ezeiza | ezhou | ełk | facatativa | facatativá | fairfield | faisalabad |
    falkland islands | fangchenggang | fanling | fano | faqus | fardis | fardīs | fargo |
    faridabad | faridpur | farmington hills | farnborough | faro | faroe islands | farrukhabad |
    farrukhābād | farīdpur | fatehpur | fatih | favoriten | fayetteville | fazenda rio grande |
    feira de santana | felgueiras | feltham | fendou | fengcheng | fenghuang | fengshan |
    fengxiang | fergana | fernando de la mora | ferrara | ferraz de vasconcelos | ferrol | fes |
    fes al bali | fianarantsoa | fiji | finchley | finland | firozabad | firozpur | flagami |
    flanders | flatbush | flatlands | fleetwood | flensburg | florence | florence-graham |
    florencia | florianopolis | florianópolis | florida | floridablanca | floridsdorf |
    florissant | foggia | foligno | folkestone | folsom | fontana | fontanar |
    fontenay-sous-bois | fordham | fordon | forli | forlì | formosa | fort collins | fort garry
    south | fort lauderdale | fort mcmurray | fort myers | fort wayne | fortaleza | fortechnyi |
    foshan | foumban | fountainebleau | foz do iguacu | foz do iguaçu | framingham | framingham
    center | franca | france | franceville | francisco morato | francistown | franco da rocha |
    frankfurt | frankfurt (oder) | frankfurt am main | franklin | frechen | frederick |
    fredericton | frederiksberg | fredrikstad | freetown | freguesia do o | freguesia do ó |
    freiburg | frejus | fremont | french guiana | french polynesia | fresnillo | fresno |
    friedrichsfelde | friedrichshafen | friedrichshain | frisco | fréjus | fu'an | fuan | fuchu
    | fuchū | fuding | fuencarral | fuencarral-el pardo | fuengirola | fuenlabrada | fujairah |
    fuji | fujieda | fujimino | fujinomiya | fujisawa | fukayacho | fukayachō | fukui-shi |
    fukuoka | fukushima | fukuyama | fulda | fulham | fuling | fullerton | funchal | funfhaus |
    funtua | funza | fuorigrotta | furth | fushun | fuxin | fuyang | fuyu | fuzhou | fylde |
    fyzabad | fyzābād | fès al bali | fünfhaus | fürth | fāqūs | fīrozābād | gabela | gabes |
    gabon | gaborone | gabès | gadag | gadag-betageri | gagnoa | gainesville | gaithersburg |
    gajuwaka | galati | galaţi | galicia | gallarate | galveston | galway | gama | gambia |
    gamonal | gandajika | gandhidham | gandhinagar | gandia | gangapur | gangavati | gangneung |
    gangtok | gangu chengguanzhen | gangāpur | ganja | ganzhou | gao | gaojing | gaomi | gaoping
    | gaozhou | gapan | garanhuns | garbsen | gardena | gardez | gare | garhi khairo | garissa |
    garut | gary | gashua | gasteiz / vitoria | gastonia | gateshead | gatineau | gavle | gaya |
    gaza | gaza city | gaziantep | gazipur | gboko | gbongan | gdansk | gdańsk | gdynia | gebze
    | geelong | geita | gejiu | gela | gelsenkirchen | gemena | general santos | geneva | genk |
    genoa | geoje | george | george town | georgetown | georgia | gera | gereida | germantown |
    germany | germiston | gesundbrunnen | getafe | getxo | geylang | ghana | ghardaia | ghardaïa
    | ghaziabad | ghazipur | ghazni | ghazīpur | ghotki | ghulja | ghāziābād | gia lam | gia lâm
    | gia rai | gibraltar | gieen | gießen | gifu | gijang | gijon | gijón | gilbert | gilgit |
    gillingham | gilroy | gimcheon | gimpo-si | gingoog | ginowan | girardot city | giresun |
    girga | giridih | giron | girona | girón | gisenyi | giugliano in campania | giza | giá rai
    | gladbeck | glasgow | glazov | glen burnie | glendale | glendora | gliwice | gloucester |
    gniezno | go vap | godhra | godome | godomè | gogow | goiania | goiânia | gojra | gokalpur |
    gol'yanovo | golbas | golestan | golestān | golfe | golyanovo | goma | gombe | gomez palacio
    | gonbad-e kavus | gonbad-e kāvūs | gonda city | gondal | gonder | gondia | gondiā | gondā
    city | gongheyong | gongzhuling | goodyear | goppingen | gorakhpur | gorgan | gorgān |
    gorlitz | gorontalo | gorzow wielkopolski | gorzów wielkopolski | gosport | gothenburg |
    gottingen | gouda | governador valadares | goyang-si | gqeberha | gracia | grajau | grajaú |
    granada | granby | grande prairie | granollers | grao de murviedro | gravatai | gravataí |
    gravesend | graz | great britain | great yarmouth | greater noida | greater sudbury | greece
    | greeley | greenburgh | greenland | greensboro | greenville | greenwood | grenada |
    grenoble | gresham | grevenbroich | grimsby | grogol | gronau | groningen | grosseto |
    grozny | grudziadz | grudziądz | gràcia | guacara | guadalajara | guadalajara de buga |
    guadalupe | guadeloupe | guaianases | guam | guanabacoa | guanare | guang'an | guangan |
    guangshui | guangyuan | guangzhou | guankou | guantanamo | guantánamo | guara | guarapari |
    guarapuava | guaratingueta | guaratinguetá | guarenas | guaruja | guarujá | guarulhos |
    guará | guatemala | guatemala city | guatire | guayaquil | gucun | gudivada | gudivāda |
    guediawaye | guelma | guelmim | guelph | guernsey | guidonia montecelio | guigang |
    guiguinto | guildford | guilin | guinea-bissau | guixi | guiyang | gujangbagh | gujranwala |
    gujrat | gulfport | guli | gulin | gulu | gumi | gummersbach | guna | gunan | gundupalaiyam
    | gundupālaiyam | gunpo | gunsan | guntakal | guntur | gunungsitoli | guri-si | gurue |
    gurugram | gurúè | gusau | gustavo adolfo madero | gutersloh | guwahati | guyana | guyong |
    guyuan | guédiawaye | gwalior | gwangju | gwangmyeong | gwangyang | gweru | gyanpur |
    gyeongju | gyeongsan-si | gyor | gyumri | gyānpur | győr | gävle | gò vấp | gómez palacio |
    gölbaşı | göppingen | görlitz | göttingen | gütersloh | gāndhīdhām | głogów | ha tien | ha
    tinh | ha'il | haarlem | habikino | habra | hachinohe | hachioji | hachiōji | hadaiq al
    qubbah | hadano | hadejia | haeju | hafar al-batin | hafizabad | hagen | hagonoy | hai ba
    trung | hai bà trưng | hai chau | hai duong | haicheng | haifa | haikou | hailar | hailin |
    hailun | haimen | haiphong | haiti | hajipur | hakodate | haldia | haldwani | halesowen |
    halifax | halisahar | halle (saale) | halmstad | halton hills | halwan | hamadan | hamadān |
    hamah | hamamatsu | hamburg | hamburg-mitte | hamburg-nord | hamden | hameenlinna | hameln |
    hamhung | hamhŭng | hami | hamilton | hamm | hammamet | hammanskraal | hammond | hampton |
    hanam | hanau am main | handa | handan | handeni | hanfeng | hanford | hangu | hangzhou |
    haninge | hanjia | hannover | hanoi | hanover | hanumangarh | hanumāngarh | hanzhong | hapur
    | harar | harare | harbin | harburg | hardenberg | hardoi | hardoī | hargeysa | haridwar |
    harlem | harlingen | harlow | harrisburg | harrisonburg | harrogate | hartford | hartlepool
    | harunabad | hashtsal | hashtsāl | hasilpur | hassan | hasselt | hastings | hat yai |
    hathazari | hathras | hatsukaichi | hattingen | havana | haveli lakha | haverhill |
    havertown | hawaii | hawalli | hawthorne | hayes | hayward | hayy khilda | hazaribagh |
    hazāribāgh | heard island and mcdonald islands | hebi | hebron | hechi | hechuan | hedong |
    heerlen | hefei | hegang | heidelberg | heidenheim an der brenz | heihe | heilbronn |
    hejiang | hellersdorf | helmond | helsingborg | helsinki | hemel hempstead | hemet |
    hempstead | henderson | hendersonville | hengelo | hengshan | hengshui | hengyang | hepo |
    hepu | herat | hereford | herford | hermosillo | hernals | herne | herning | heroica guaymas
    | heroica matamoros | herten | hervey bay | herzegovina | herāt | heshan | hesperia |
    hetauda | heyuan | heze | hezhou | hialeah | hidalgo del parral | hietzing |
    higashihiroshima | higashikurume | higashimurayama | higashiosaka | high wycombe | hikone |
    hilden | hildesheim | hillsboro | hilversum | himamaylan | himeji | hinckley | hindaun |
    hindupur | hinganghat | hinganghāt | hino | hinthada | hirakata | hiratsuka | hirnytskyi |
    hirosaki | hiroshima | hisar | hitachi | hitachi-naka | hlaingthaya | ho chi minh city | hoa
    binh | hoa cuong | hoa thanh | hoan kiem | hoang mai | hobart | hoboken | hoffman estates |
    hofu | hohhot | hoima | hoji ya henda | holguin | holguín | holland | hollywood | holon |
    homs | homyel' | honchō | honduras | hong kong | hong kong island | hong ngu | honggang |
    hongkou | honmachi | honolulu | hoofddorp | hoorn | hoover | horlivka | horsens | horsham |
    horta-guinardo | horta-guinardó | hortaleza | hortolandia | hortolândia | hosa'ina | hosaina
    | hosapete | hoshiarpur | hoshiārpur | hosur | hosūr | hougang new town | hounslow | houston
    | howrah | hoàn kiếm | hoàng mai | hrodna | hsinchu | hua hin | huacheng | huadian | huai'an
    | huaibei | huaihua | huainan | huambo | huancayo | huanggang | huangpu | huangshan |
    huangshi | huangzhou | huanuco | huaraz | huayin | hubballi | huddersfield | huddinge |
    huelva | huesca | hugli | huicheng | huinong | huixing | huixquilucan | huizhou | hulan |
    hulan ergi | huludao | hulunbuir | humen | hungary | hungnam | huntersville | huntington
    beach | huntington park | huntsville | huocheng | hurghada | hurth | huyen lam ha | huyton |
    huyện lâm hà | huzhou | huánuco | huế | hvidovre | hwado | hwaseong-si | hyderabad | hyeres
    | hyesan | hyères | hà tiên | hà tĩnh | hämeenlinna | hòa bình | hòa cường | hòa thành |
    hürth | hābra | hājīpur | hālīsahar | hāpur | hāthazāri | hāthras | hōfu | hŭngnam | hưng
    yên | ẖolon | hạ long | hải châu | hải dương | hồng ngự | iasi | iaşi | ibadan | ibague |
    ibagué | ibanda | ibaraki | ibarra | ibb | ibbenbueren | ibirite | ibirité | ibri | ica |
    iceland | ichalkaranji | icheon-si | ichihara | ichikawa | ichinomiya | ichinoseki | idaho |
    idaho falls | idku | idkū | idlib | ifakara | igarassu | igboho | igdr | iguala de la
    independencia | iguatemi | iida | iizuka | ijebu ode | ijebu-igbo | ijero-ekiti | ijok |
    ikare | ikeda | ikeja | ikere-ekiti | ikire | ikirun | ikoma | ikot ekpene | iksan | ila
    orangun | ilagan | ilam | ile-ife | ilebo | ilesa | ilford | ilheus | ilhéus | iligan |
    iligan city | illinois | ilobu | iloilo | ilorin | imabari | imola | imperatriz | imphal |
    imus | inazawa | incheon | inda silase | inda silasē | indaiatuba | india | indiana |
    indianapolis | indio | indonesia | indore | indramayu | inegol | inezgane | inglewood |
    ingolstadt | ingombota | inisa | inkisi | innsbruck | inowrocaw | inowrocław | insein |
    invercargill | inverness | inzai | iowa | iowa city | ipatinga | ipiranga | ipoh | ipojuca |
    ipswich | iquique | iquitos | irakleion | iran | iranshahr | irapuato | iraq | irbid |
    ireland | irewe | iriga city | iringa | irkutsk | irondequoit | iruma | irun | irvine |
    irving | irving park | irvington | irákleion | isahaya | ise | ise-ekiti | isehara |
    iserlohn | isesaki | iseyin | isfahan | isfara | ishinomaki | isidro casanova | isiro |
    iskandar puteri | iskenderun | islamabad | islington | ismailia | isparta | israel |
    issy-les-moulineaux | istanbul | istaravshan | isulan | itabaiana | itabashi | itabira |
    itaborai | itaboraí | itabuna | itacoatiara | itaguai | itaguaí | itagui | itagüí | itaim
    bibi | itaim paulista | itaituba | itajai | itajaí | italy | itami | itanhaem | itanhaém |
    itapecerica da serra | itaperuna | itapetininga | itapevi | itapipoca | itaquaquecetuba |
    itaquera | itarsi | itatiba | itu | ituiutaba | ituzaingo | ituzaingó | itārsi |
    ivano-frankivsk | ivanovo | ivanovskoye | ivry-sur-seine | iwaki | iwakuni | iwata |
    iwatsuki | iwo | ixelles | ixtapaluca | izeh | izhevsk | izmaylovo | izmir | izmit |
    iztacalco | iztapalapa | izumi | izumisano | izumo | iğdır | i̇negol | i̇skenderun | i̇zmir
    | i̇zmit | jabalpur | jabalya | jabaquara | jaboatao dos guararapes | jaboatão dos
    guararapes | jabālyā | jacarei | jacareí | jackson | jackson heights | jacksonville | jacmel
    | jacobabad | jaen | jaffa | jaffna | jagadhri | jagdalpur | jagtial | jagtiāl | jagādhri |
    jahanabad | jahrom | jahānābād | jaigaon | jaipur | jajmau | jakarta | jalai nur | jalalabad
    | jalalpur jattan | jalalpur pirwala | jalandhar | jalapa | jalgaon | jalingo | jalna |
    jalpaiguri | jalpāiguri | jalālābād | jamaica | jamalpur | jambi city | jammu | jamnagar |
    jampur | jamshedpur | jamuria | jamālpur | janakpur | jandira | janesville | janzur | janzūr
    | japeri | jaragua | jaragua do sul | jaraguá | jaraguá do sul | jaranwala | jardim angela |
    jardim helena | jardim sao luis | jastrzebie zdroj | jastrzębie zdrój | jatai | jataí | jau
    | jauharabad | jaunpur | jaworzno | jayapura | jaén | jaú | jebel ali | jeddah | jeju city |
    jelenia gora | jelenia góra | jember | jena | jeongeup | jeonju | jepara | jequie | jequié |
    jerez de la frontera | jerusalem | jessore | jetpur | jette | jhang sadr | jhansi | jhelum |
    jhunjhunun | jhunjhunūn | jhānsi | ji parana | ji paraná | ji'an | jiading | jiagedaqi |
    jiamusi | jian | jianchang | jiangmen | jiangyin | jiangyou | jianshui | jiaohe | jiaojiang
    | jiaozhou | jiaozuo | jiashan | jiawang | jiaxing | jiayuguan | jiazi | jieshi | jieshou |
    jieyang | jijel | jijiang | jijiga | jilin | jimeta | jimma | jinan | jinchang | jincheng |
    jind | jinfeng | jing'an | jingan | jingdezhen | jinghong | jingmen | jingzhi | jingzhou |
    jinhua | jining | jinjiang | jinshan | jinshanlu | jinzhong | jinzhou | jiroft | jishou |
    jishu | jiujiang | jiupu | jiuquan | jiutai | jiutepec | jixi | jiyuan | jizan | jizhou |
    jizzax | joao pessoa | jodhpur | joensuu | joetsu | johannesburg | johnson city | johor
    bahru | joinville | joliet | jolo | jombang | jomvu | jonesboro | jonkoping | jonquiere |
    jonquière | joplin | jordan | jorhat | jos | jose bonifacio | jose c. paz | josé c. paz |
    joão pessoa | juan diaz | juan díaz | juan-les-pins | juazeiro | juazeiro do norte | juba |
    juiz de fora | juja | juliaca | junagadh | jundiai | jundiaí | jupiter | jurong town |
    jurong west | jutiapa | jyvaskyla | jyväskylä | jönköping | jājmau | jālna | jāmuria | jīnd
    | jīroft | jōetsu | jūnāgadh | kabankalan | kabin buri | kabinda | kabul | kabwe | kadapa |
    kadoma | kaduna | kaech'ŏn | kaechon | kaesong | kaesŏng | kafr ad dawwar | kafr ad dawwār |
    kafr ash shaykh | kafrul | kafue | kagoshima | kahama | kahramanmaras | kahramanmaraş |
    kaifeng | kaili | kairouan | kaiserslautern | kaithal | kaiyuan | kajang | kajansi |
    kakamega | kakamigahara | kakegawa | kakinada | kakogawacho-honmachi | kakogawachō-honmachi
    | kalaban koro | kalaburagi | kalamazoo | kalemie | kalemyo | kaliningrad | kalininskiy |
    kalisz | kallakurichi | kallang | kallithea | kallithéa | kalmiuskyi | kalmunai | kalol |
    kaluga | kalulushi | kalyan | kalynivskyi | kalyān | kamagaya | kamakura | kamalia |
    kamalshahr | kamarhati | kamensk-ural'skiy | kamensk-uralskiy | kamina | kamirenjaku |
    kamloops | kamoke | kampala | kampong pasir ris | kampung baru subang | kampung kangkar
    teberau | kampung larkin lama | kampung pasir gudang baru | kampung sungai ara | kampung
    sungai glugur | kamsar | kamyanske | kamyshin | kamālshahr | kananga | kanata | kanayannur |
    kanazawa | kanchipuram | kanchrapara | kandahar | kandahār | kandy | kangding | kanggye |
    kangnyong | kangnyŏng | kangson | kangsŏn | kanhangad | kani | kankan | kano | kanoya |
    kanpur | kanpur cantonment | kansas | kansas city | kansk | kaohsiung | kaolack | kapar |
    kara | karabaglar | karabağlar | karabuk | karabük | karachi | karagandy | karaikkudi |
    karaj | karaman | karamay | karatsu | karawalnagar | karawang | karbala | kariega |
    karimnagar | kariya | karlskrona | karlsruhe | karlstad | karnal | karnaphuli | karnāl |
    karol bagh | karol bāgh | karsyaka | karur | karuri | karāwalnagar | karīmnagar | karşıyaka
    | kasama | kasangati | kasese | kashan | kashgar | kashihara-shi | kashipur | kashiwa |
    kashiwara | kashmar | kashmir | kassala | kassel | kastamonu | kasuga | kasugai | kasukabe |
    kasulu | kasur | katabi | kathmandu | kati | katihar | katowice | katsina | katsushika |
    katsuta | katumba | kaunas | kawachi-nagano | kawagoe | kawaguchi | kawanishi | kawasaki |
    kaya | kayes | kayseri | kazakhstan | kazan | kazerun | kazo | kecskemet | kecskemét |
    kediri | kedungwuni | kedzierzyn-kozle | keelung | keighley | kelar | kelowna | kembangan |
    kemerovo | kempten (allgau) | kempten (allgäu) | kendale lakes | kendall | kendari | kenema
    | keng tung | kenitra | kennedy | kenner | kennewick | kenosha | kent | kentron | kentucky |
    kentwood | kenya | kerch | kerman | kermanshah | kerpen | kettering | kfar saba | khabarovsk
    | khairpur mir's | khairpur mirs | khamis mushait | khammam | khan yunis | khanaqin |
    khandwa | khanna | khanpur | khanty-mansiysk | kharagpur | khardah | khargone | kharian |
    kharkiv | khartoum | khartoum north | khasavyurt | khasnahzan | khasnahzān | khemisset |
    khenchela | khenifra | khimki | khirdalan | khlong luang | khlong sam wa | khlong toei |
    khmelnytskyi | khobar | khomeyni shahr | khomeynī shahr | khon kaen | khoroshevo-mnevniki |
    khoroshëvo-mnevniki | khorramabad | khorramshahr | khouribga | khujand | khulna | khuraybat
    as suq | khuraybat as sūq | khurja | khushab | khushāb | khuy | khuzdar | khwisero | khān
    yūnis | khānaqīn | khūy | kiambu | kibaha | kidderminster | kiel | kielce | kien an | kiev |
    kigali | kigoma | kikolo | kikuyu | kikwit | kilamba | kilis | killeen | kima kieza |
    kimberley | kimhae | kindia | kindrativskyi | kindu | kingsport | kingston | kingston upon
    hull | kinshasa | kipushi | kira | kirari sulemannagar | kirdasah | kirdāsah | kiribati |
    kirishima | kirkcaldy | kirkland | kirkuk | kirov | kiryu | kiryū | kirāri sulemānnagar |
    kisangani | kisaran | kisarazu | kiselevsk | kiselëvsk | kishanganj | kishangarh | kishiwada
    | kisi | kisii | kislovodsk | kismayo | kissidougou | kissimmee | kisumu | kita | kitakyushu
    | kitale | kitami | kitchener | kitengela | kitwe | kiến an | klagenfurt am worthersee |
    klagenfurt am wörthersee | klaipeda | klaipėda | klang | klaten | klerksdorp | klinteby
    frihed | kluang | klungkung | knoxville | kobe | koblenz | kochi | kodaira | koforidua |
    kofu | koga | koganei | kohat | koidu | kokomo | kokshetau | kokubunji | kolar | kolda |
    kolding | kolhapur | kolhāpur | kolkata | kollam | koln | kolomna | kolpino | kolwezi |
    kolār | kom ombo | komaki | komatsu | kombolcha | komsomolsk-on-amur | kon tum | konak |
    konibodom | konin | konosu | konstanz | konya | kopenick | korba | korea | koreatown |
    korhogo | koriyama | korla | korolev | korolyov | koronadal | kortrijk | koshigaya | kosice
    | kosovo | kostanay | kosti | kostroma | koszalin | kot addu | kot radha kishan | kota |
    kota bharu | kota damansara | kota kinabalu | kota kuala muda | kotamobagu | kotka | koto |
    kotri | kotō | koudougou | koumassi | kousseri | kousséri | koutiala | kouvola |
    kovpakivskyi | kovrov | kowloon | kowloon city | kowloon city centre | kozhikode | košice |
    kragujevac | krakow | kraków | kramatorsk | krasnodar | krasnogvargeisky | krasnoyarsk |
    krefeld | kremenchuk | kresek | kreuzberg | krishnanagar | kristiansand | krkkale |
    kroonstad | kropyvnytskyi | krsehir | krugersdorp | kryvyy rih | ksar el kebir | kuala krai
    | kuala kubu baharu | kuala lumpur | kuala terengganu | kuantan | kuching | kucukcekmece |
    kufa | kukatpally | kukichuo | kukichūō | kulim | kulob | kulti | kumagaya | kumamoto |
    kumarapalayam | kumasi | kumba | kumbakonam | kumbo | kunduz | kungsholmen | kuningan |
    kunming | kunri | kunshan | kuntsevo | kuopio | kupang | kurashiki | kurdistan | kure |
    kurgan | kurichchi | kurnool | kursk | kurume | kusatsu | kushinagar | kushiro | kushtia |
    kutahya | kutaisi | kuwait | kuwait city | kuwana | kuz'minki | kuzminki | kwadukuza | kwai
    chung | kwekwe | ky anh | kyaukpyu | kyauktan | kyengera | kyimyindine | kyiv | kyivskyi |
    kyoto | kyrgyzstan | kyzyl | kyzylorda | kzltepe | köln | köpenick | kütahya | küçükçekmece
    | kākināda | kāmārhāti | kānchrāpāra | kāraikkudi | kāshmar | kāshān | kāzerūn | kēng tung |
    kędzierzyn-koźle | kırıkkale | kırşehir | kızıltepe | kōnosu | kōriyama | kŭlob | kỳ anh |
    l'hospitalet de llobregat | la ceiba | la cite-limoilou | la cité-limoilou | la concepcion |
    la concepción | la crosse | la gi | la habra | la haute-saint-charles | la laguna | la
    louviere | la louvière | la paz | la pintana | la plata | la rioja | la roche-sur-yon | la
    rochelle | la romana | la serena | la seyne-sur-mer | la spezia | la trinidad | la vega | la
    victoria | laayoune | labe | labuan bajo | labé | ladysmith | lafayette | lafia | lafiagi |
    lagarto | lages | laghouat | lagos | laguna niguel | lahad datu | lahan | lahijan | lahore |
    lahr | lahti | lahān | laibin | laiwu | laixi | laiyang | laizhou | lajeado | lak si | lake
    charles | lake elsinore | lake havasu city | lakeland | lakeville | lakewood | lakhimpur |
    lakhīmpur | lal bahadur nagar | lalitpur | lambare | lambaré | lamezia terme | lampa |
    lampang | lancaster | landshut | landstrae | landstraße | lang son | lang'ata | langenfeld |
    langenhagen | langfang | langley | langsa | lansing | lanus | lanzhou | lanús | lao cai |
    laoag | laohekou | laos | lapland | lappeenranta | lapu-lapu city | larache | laredo |
    larisa | larkana | las aguilas | las cruces | las pinas | las piñas | las rozas de madrid |
    las tunas | las vegas | las águilas | lashio | lasnamae | lasnamäe | lat krabang | lat phrao
    | latacunga | latakia | latin america | latina | latkrabang | latur | latvia | lauderhill |
    launceston | lauro de freitas | lausanne | laval | lavras | lawang | lawrence | lawton |
    layton | layyah | le havre | le mans | le plateau-mont-royal | le sud-ouest | le
    vieux-longueuil | leander | lebanon | lecce | lecheng | leeds | leesburg | leeuwarden |
    leganes | leganés | legaspi | legionowo | legnano | legnica | lehi | lehigh acres |
    leicester | leiden | leipzig | leiria | leiyang | lekki | lelystad | lembang | lenexa |
    lengshuijiang | leninsk-kuznetsky | leogane | leon | leon de los aldama | les cayes | les
    corts | les rivieres | les rivières | leshan | lesotho | leszno | lethbridge | leuven |
    levallois-perret | leverkusen | levis | levittown | lewisville | lexington |
    lexington-fayette | leytonstone | león | león de los aldama | lhasa | lhoka | lhokseumawe |
    lianghu | liangping | lianhe | lianjiang | lianshan | lianyungang | liaocheng | liaoyang |
    liberec | liberia | libertad | libreville | libya | licheng | lichinga | lichtenrade |
    lichterfelde | lichuan | lida | lido di ostia | liechtenstein | lijiang | likasi | lille |
    lillestrm | lillestrøm | lilongwe | lima | limassol | limbe | limeira | limoges | limuru |
    linares | lincang | lincoln | lincoln park | linfen | lingen | linhares | linkoping |
    linköping | linqu | linshui | linxi | linxia chengguanzhen | linyi | linz | lipa city |
    lipetsk | lippstadt | lisala | lisbon | lisburn | lishui | lithuania | little havana |
    littlehampton | liupanshui | liuzhi | liuzhou | livermore | liverpool | livingston |
    livingstone | livoberezhnyi | livonia | livorno | lizhi | liège | ljubljana | lleida | lo
    prado | loa janan | lobito | lodhran | lodi | logan | logan city | logan square | logrono |
    logroño | loja | lomas de zamora | lombardy | lome | lomé | london | londonderry county
    borough | londrina | long bien | long khanh | long khánh | long xuyen | long xuyên |
    longfeng | longgang | longjiang | longjing | longling county | longmont | longshan |
    longshui | longueuil | longview | longyan | loni | lorain | lorca | lorient | los angeles |
    los banos | los baños | los mochis | los puertos de altagracia | los rastrojos | los teques
    | los ángeles | loudi | louga | loughborough | louisiana | louisville | loures | loveland |
    lowell | lower hutt | lower sackville | lowestoft | lu'an | luan | luancheng | luanda |
    luanshya | lubango | lubbock | lubeck | lubin | lublin | lubuklinggau | lubumbashi | lucapa
    | lucca | lucena | lucknow | ludenscheid | ludhiana | ludwigsburg | ludwigshafen am rhein |
    luena | lugano | lugazi | lugo | luhansk | luis eduardo magalhaes | luis eduardo magalhães |
    lulea | luleå | luliang | lumajang | lund | luneburg | lunen | luodian | luohe | luohu
    district | luojiang | luoyang | lusail | lusaka | lushui | luton | lutsk | luxembourg |
    luxor | luzern | luzhou | luziania | luziânia | lviv | lynchburg | lynn | lynwood | lyon |
    lyubertsy | lyublino | lào cai | lárisa | léogâne | lévis | lübeck | lüdenscheid | lüliang |
    lüneburg | lünen | lāhījān | lạng sơn | m'sila | ma on shan | ma'anshan | maanshan |
    maastricht | maba | mabalacat city | mabopane | macae | macao | macapa | macapá | macau |
    macaé | macclesfield | macedonia | maceio | maceió | machala | macheng | machida |
    machilipatnam | machilīpatnam | machiques | mackay | macon | madagascar | madanapalle |
    madera | madhavaram | madhurampur dehri | madhyamgram | madhyapur thimi | madinah | madinat
    an nasr | madinat hamad | madison | madiun | madrid | madrid centro | madurai | madīnat an
    naşr | madīnat ḩamad | maebashi | magangue | magangué | magdalena contreras | magdeburg |
    mage | magelang | maghaghah | maghāghah | magnitogorsk | magugpo poblacion | magé | mahabad
    | mahajanga | maharagama | mahbubnagar | mahbūbnagar | mahesana | maheshtala | mahesāna |
    mahilyow | mahābād | maianga | maicao | maidstone | maiduguri | maijdi | mailsi | maine |
    mainz | maipu | maipú | mairipora | mairiporã | maison blanche | maisons-alfort | maitland |
    majadahonda | majie | makassar | makati city | makhachkala | makiyivka | makkah | makumbako
    | makurdi | malabo | malabon | malacca | malaga | malakal | malambo | malang | malanje |
    malappuram | malatia-sebastia | malatya | malawi | malayer | malaysia | malda | malden |
    maldives | maldonado | malegaon | maler kotla | mali | malindi | malingao | malir cantonment
    | malita | malkajgiri | mallawi | mallawī | malmo | malmö | malolos | malta | maltepe |
    malāyer | man'gyŏngdae-ri | manacapuru | manado | managua | manama | manas | manaus |
    manchester | mandalay | mandaluyong | mandaluyong city | mandaqui | mandaue city | mandera |
    mandi bahauddin | mandimba | mandoli | mandsaur | mandurah | mandya | maneah | manfalut |
    manfalūţ | manfredonia | mangalagiri | mangaluru | mangyongdae-ri | manhattan | manila |
    manisa | manitoba | manizales | manjhand | mannheim | manokwari | manolo fortich | manp'o |
    manpo | manresa | mansa | mansfield | mansilingan | manta | mantampay | manteca | manukau
    city | manzanillo | manzini | manéah | maoming | maputo | mar del plata | mar'ino | maraba |
    marabá | maracaibo | maracanau | maracanaú | maracay | maradi | maragheh | maramag | maran |
    marand | maranguape | marawi city | marbella | marburg an der lahn | marcory | mardan |
    mardin | margareten | margate | margilon | marg‘ilon | marianao | mariara | marica | maricá
    | mariendorf | marienthal | marietta | marikina city | marilia | maringa | maringá | marino
    | marituba | mariupol | marivan | mariveles | marka | markham | marl | marne la vallee |
    marne la vallée | maroua | marrakesh | marsa matruh | marsala | marseille | marshall islands
    | marsá maţrūḩ | martapura | martinique | marugame | marvdasht | mary | maryland |
    marysville | maryvale | marzahn | marília | marāgheh | marīvān | masai | masaka | masan |
    masaya | maseru | mashhad | masina | masindi | masjed soleyman | masjed soleymān | massa |
    massachusetts | matadi | matagalpa | matanzas | mataram | mataro | mataró | matera | mathura
    | mati | matola | matsubara | matsudo | matsue | matsumoto | matsusaka | matsuto | matsutō |
    matsuyama | matuga | maturin | maturín | mau | maua | mauritania | mauritius | mauá |
    mawlamyine | maxixe | maykop | mayotte | mazabuka | mazar-e sharif | mazara del vallo |
    mazatlan | mazatlán | mazyr | mazār-e sharīf | mbake | mbaké | mbale | mbandaka | mbanza
    kongo | mbanza-ngungu | mbarara | mbeya | mbombela | mbour | mbuji-mayi | mcallen | mckinney
    | mdantsane | meads | meaux | mechelen | medan | medea | medellin | medellín | medford |
    medina | medina estates | medinipur | medinīpur | meerbusch | meerut | meguro | meidling |
    meikle earnock | meiktila | meishan | meizhou | mejicanos | mek'ele | meknes | melbourne |
    melbourne city centre | melilla | melitopol | memphis | menden | mendip | mendoza | mengmao
    | mengzi | menifee | menongue | mentougou | merauke | merced | mercierhochelaga-maisonneuve
    | mercier–hochelaga-maisonneuve | merida | meriden | merignac | merkezefendi | merlo |
    mersin | messina | mestre | metairie | metairie terrace | methuen | metrotown | metz |
    mexicali | mexico | mexico city | meycauayan | mezhdurechensk | miami | miami beach | miami
    gardens | mian channun | miandoab | mianeh | mianwali | mianyang | mianzhu, deyang, sichuan
    | miass | michigan | micronesia | mid-city | middelburg | middlesbrough | middletown |
    midsayap | midwest city | mielec | miguel hidalgo | mijas | mikkeli | milagro | milan |
    milford | millcreek | milpitas | milton | milton keynes | milwaukee | minamirinkan |
    minatitlan | minatitlán | minato | minato city | minden | mingachevir | mingala tangnyunt |
    mingaladon | mingora | mingshui | minhang | minna | minneapolis | minnesota | minnetonka |
    minnetonka mills | minoh | minsk | minya | mira mesa | miraflores | miramar | miri | mirpur
    khas | mirpur model thana | miryalaguda | mirzapur | mirzāpur | misato, saitama | mishima |
    miskolc | misratah | mission viejo | mississauga | mississippi | missoula | missouri |
    missouri city | mit ghamr | mitcham | mito | mitrovice | mitrovicë | mitte | mityana | mixco
    | miyakonojo | miyakonojō | miyazaki | mlolongo | moabit | moanda | mocuba | modakeke |
    modena | modesto | modica | moers | moga | mogadishu | mogi das cruzes | mogi guacu | mogi
    guaçu | mohali | mohammad shahr | mohammadpur | mohammedia | mojokerto | mokopane | mokotow
    | mokotów | mokpo | moldova | molenbeek-saint-jean | molfetta | molina de segura | mollet
    del valles | mollet del vallès | molndal | mombasa | monaco | moncalieri | monchengladbach |
    moncloa-aravaca | monclova | moncton | mong cai | mong yang | mongolia | mongu | monrovia |
    mons | monsanto | montana | montauban | monte carlo | montebello | montenegro | monterey
    park | monteria | monterrey | montería | montes claros | montesilvano | montevideo |
    montgomery | montpellier | montreal | montreal-nord | montreuil | montréal | montréal-nord |
    montserrat | monywa | monza | moore | mopti | moradabad | moratalaz | moratuwa | moravia |
    morecambe | morelia | morena | moreno | moreno valley | moriguchi | morioka | morley |
    mormugao | morningside heights | moro | morogoro | morvi | morādābād | moscow | moshi |
    mosquera | mossamedes | mossoro | mossoró | mostaganem | mostar | mostoles | mosul |
    mothihari | mothīhāri | motijheel | motril | mott haven | moundou | mount vernon | mouscron
    | mozambique | moḩammad shahr | mpanda | mpumalanga | mthatha | mtwara | mu-se | muar |
    mubende | mubi | mudanjiang | mueang nonthaburi | mufulira | mukalla | mukim pulai | mukono
    | muktsar | mulenvos | mulheim | mulhouse | multan | mulugu | mumbai | muncie | munger |
    munich | munster | muntinlupa | munuf | munūf | muratpasa | muratpaşa | murcia |
    murfreesboro | muriae | muriaé | muricay | muridke | murmansk | murom | murrieta | murwara |
    murwāra | musaffah | musanze | musashino | mushin | musoma | mustafabad | mustafakemalpasa |
    mustafakemalpaşa | mustafābād | mutare | muzaffarabad | muzaffargarh | muzaffarnagar |
    muzaffarpur | muzaffarābād | mwala | mwanza | mwene | mwene-ditu | my hao | myanmar | myeik
    | myingyan | mykilska borshchahivka | mykolayiv | mymensingh | mysowice | mysuru | mysłowice
    | mytishchi | mzuzu | málaga | médéa | mérida | mérignac | móng cái | móstoles | mölndal |
    mönchengladbach | möng yang | mülheim | münster | māler kotla | mīt ghamr | mīāndoāb |
    mīāneh | mỹ hào | mỹ tho | n'dalatando | n'djamena | nabatiye et tahta | nabatîyé et tahta |
    naberezhnyye chelny | nablus | nacala | nada | nadiad | nadiād | nador | naga | nagahama |
    nagano | nagaoka | nagaon | nagapattinam | nagar naluakot | nagar naluākot | nagareyama |
    nagarpur | nagasaki | nagaur | nagda | nagercoil | nagoya | nagpur | naha | nahiyat al
    iskandariyah | naihati | naihāti | nairobi | naivasha | najaf | najafabad | najafgarh |
    najafābād | najran | najrān | nakano | nakhodka | nakhon pathom | nakhon ratchasima | nakhon
    si thammarat | nakuru | nalchik | nalgonda | nam inh | nam định | namangan | namibia |
    namp'o | nampa | nampo | nampula | namur | nanaimo | nanbin | nanchang | nanchong | nanchuan
    | nancun | nancy | nanded | nandurbar | nandyal | nandyāl | nangloi jat | nanjin | nanjing |
    nankana sahib | nanning | nanpiao | nanping | nanqiao | nansana | nanterre | nantes |
    nantong | nantou | nanyang | napa | naperville | napier | naples | nara-shi | narasaraopet |
    narashino | narayanganj | narbonne | narela | narita | narmadapuram | narowal | narsingdi |
    nashik | nashua | nashville | nasim shahr | nasimshahr | nasiriyah | nassau | nasushiobara |
    nasīm shahr | natore | naucalpan de juarez | naucalpan de juárez | nauru | navadwip |
    navadwīp | navegantes | navi mumbai | navoiy | navojoa | navotas | navsari | nawabganj |
    nawabshah | nawābganj | nay pyi taw | nazarabad | nazilli | nazran | nazret | nazrēt |
    naz̧arābād | ndola | nebraska | neftekamsk | nefteyugansk | negara | negombo | nehe | neihu
    | neijiang | neili | neiva | nek'emtē | nekemte | nellore | nelson | nepal | nepalgunj |
    nepean | netanya | netherlands antilles | neu-hohenschonhausen | neu-hohenschönhausen |
    neu-ulm | neubrandenburg | neubruck | neubrück | neue neustadt | neuilly-sur-seine |
    neukolln | neukölln | neumunster | neumünster | neuquen | neuquén | neuss | neustadt an der
    weinstrae | neustadt an der weinstraße | neuwied | nevada | nevinnomyssk | new bedford | new
    braunfels | new britain | new brunswick | new cairo | new caledonia | new delhi | new
    hampshire | new kingston | new mexico | new mirpur city | new orleans | new plymouth | new
    rochelle | new south memphis | new taipei city | new westminster | new york | new york city
    | new zealand | newark | newcastle | newcastle under lyme | newcastle upon tyne | newmarket
    | newport | newport beach | newport news | newtownabbey | neyagawa | neyshabur | neyshābūr |
    neyveli | nga bay | ngaoundere | ngaoundéré | nghi son | nghi sơn | nghi xuan | nghi xuân |
    ngong | nguru | ngã bảy | nha trang | nia valencia | niagara falls | niamey | nianbo |
    nicaragua | nicolas romero | nicolás romero | nicosia | nieuwegein | nigel | niger | nigeria
    | niigata | niihama | niiza | nijmegen | nikopol | nilopolis | nilufer | nilópolis | nilüfer
    | nimach | nimes | ning'er | ningbo | ningde | ninger | ninh hoa | ninh hòa | niort | nippes
    | nis | nishi-tokyo-shi | nishinomiya | nishio | niteroi | niterói | niue | nizamabad |
    nizhnekamsk | nizhnevartovsk | nizhniy novgorod | nizhny tagil | nizāmābād | niš | njeru |
    nkayi | nkongsamba | nkpor | nnewi | nobeoka | noblesville | noda | nogales | noginsk |
    noida | noisy-le-grand | nong chok | nong khaem | nor nork | norderstedt | nordhorn |
    norfolk | norfolk county | norfolk island | norilsk | norman | normandy | norrkoping |
    norrköping | north america | north bergen | north carolina | north charleston | north
    chicopee | north dakota | north hollywood | north korea | north la crosse | north las vegas
    | north macedonia | north miami | north peoria | north richland hills | north stamford |
    north vancouver | northampton | northern ireland | northern mariana islands | northridge |
    norwalk | norway | norwich | norzagaray | nossa senhora de fatima | nossa senhora de fátima
    | nossa senhora do socorro | notre-dame-de-grace | notre-dame-de-grâce | nottingham | nou
    barris | nouadhibou | nouakchott | nova friburgo | nova iguacu | nova iguaçu | nova lima |
    nova scotia | nova serrana | nova vida | novara | novato | novi | novi sad | novo gama |
    novo hamburgo | novo-peredelkino | novocheboksarsk | novocherkassk | novokuybyshevsk |
    novokuznetsk | novomoskovsk | novorossiysk | novosibirsk | novotroitsk | novozavodskyi |
    novyye cheremushki | novyye cherëmushki | novyye kuz'minki | novyye kuzminki | nowrangapur |
    nowy sacz | nowy sącz | noyabrsk | nsukka | ntuzuma | nuevo laredo | nukus | numazu |
    nuneaton | nunoa | nuremberg | nutana sector | nyagatare | nyala | nyingchi | nyiregyhaza |
    nyzhnodniprovsk | nyíregyháza | nzega | nzerekore | nzérékoré | nîmes | nāgarpur | nāgaur |
    nāgercoil | nāngloi jāt | nāḩiyat al iskandarīyah | o mon | o'fallon | oakland | oakville |
    oaxaca | obalende | oberhausen | obihiro | obninsk | obolon | obuase | ocala | ocana | ocaña
    | oceania | oceanside | ochakovo-matveyevskoye | ochota | ocumare del tuy | odawara | odense
    | odesa | odessa | odintsovo | odivelas | offa | offenbach | offenburg | ogaki | ogbomoso |
    ogden | ohio | oita | ojo de agua | okara | okayama | okazaki | okene | okigwe | okinawa |
    oklahoma | oklahoma city | okrika | oktyabrsky | olanchito | olathe | olbia | oldenburg |
    oldham | oleksandrivskyi | oleksiyivka | olinda | olmaliq | olongapo | olsztyn | olympia |
    omaha | oman | omdurman | ome | omsk | omuta | ondjiva | ondo | ongata rongai | ongole |
    onitsha | onojo | onomichi | ontario | oosterhout | ooty | opole | oradea | orai | oran |
    ordos | ordu | orebro | oregon | orekhovo-borisovo | orekhovo-borisovo severnoye |
    orekhovo-zuyevo | orel | orem | orenburg | orihuela | orizaba | orkney | orland park |
    orlando | orleans | orléans | ormoc | orsha | orsk | orumiyeh | oruro | orël | orūmīyeh |
    osaka | osaki | osan | osasco | osh | oshawa | oshkosh | oshodi | oshu | oslo | osmaniye |
    osnabruck | osnabrück | osogbo | osorno | oss | ostend | ostrava | ostroeka | ostrow
    wielkopolski | ostrowiec swietokrzyski | ostrowiec świętokrzyski | ostrołęka | ostrów
    wielkopolski | ota | otaru | otsu | ottakring | ottawa | ottawa south | ouagadougou |
    ouahigouya | ouargla | oued zem | oujda | oulu | ourense | ourinhos | oviedo | owensboro |
    owerri | owo | oxnard | oyama | oyo | p'yŏngsŏng | paarl | pabianice | pabna | pachuca de
    soto | paco do lumiar | padalarang | padang | padangsidempuan | paderborn | padua |
    paech'ŏn-ŭp | paechon-up | paek'ak | pagadian | paignton | pailou | pak kret | pakdasht |
    pakenham | pakistan | pakokku | pakpattan | palakkad | palangkaraya | palanpur | palatine |
    palau | palembang | palencia | palermo | palestine | palestinian territory | palhoca |
    palhoça | pali | pallabi | pallavaram | pallāvaram | palma | palma soriano | palmas |
    palmdale | palmerston north | palmira | palo alto | palo negro | palopo | paltan | palu |
    palwal | pamanukan | pamplona | pamulang | panabo | panalanoy | panama | panama city |
    panchkula | pandi | pangkalanbuun | pangkalpinang | panguila | panguíla | panihati | panipat
    | paniqui | panjin | pankow | pano aqil | panshan | pantin | panvel | panzhihua | papatoetoe
    | papua new guinea | par naogaon | paragominas | paraguay | parakou | paramaribo | parana |
    paranagua | paranaguá | paranaque city | paraná | parauapebas | parbhani | pardis | pardīs |
    parelheiros | parepare | parintins | paris | parkchester | parla | parma | parnaiba |
    parnamirim | parnaíba | parsabad | parsippany | parung | pasadena | pasarkemis | pasay |
    pasco | paseh | pasig city | pasir gudang | pasir mas | pasir puteh | pasrur | passaic |
    passau | passo fundo | passos | pasto | pasuruan | patagonia | patan | paterna | paterson |
    pathankot | pathein | pathānkot | pati | patiala | patiāla | patna | patos de minas | patra
    | pattaya | pattoki | pau | paulinia | paulista | paulo afonso | paulínia | pavia | pavlodar
    | pavlohrad | pawtucket | paya terubong | payakumbuh | paço do lumiar | peabody | pearland |
    pechersk | peckham | pedreira | peicheng | pekalongan | pekanbaru | peking | pelabuhanratu |
    pelentong | pelotas | pemalang | pematangsiantar | pemba | pembroke pines | penalolen |
    pengpu | pengze | pennsylvania | pensacola | penza | penzing | peoria | perbaungan | percut
    | perdizes | pereira | peristeri | peristéri | perling | perpignan | perris | perth | perth
    amboy | peru | perugia | pervouralsk | pesaro | pescara | peshawar | pessac | petah tiqva |
    petaling jaya | petaluma | petapa | petare | petaẖ tiqva | peterborough | petionville |
    petrogradka | petrolina | petropavl | petropavlovsk-kamchatsky | petropolis | petrozavodsk |
    petrzalka | petrópolis | petržalka | peñalolén | pflugerville | pforzheim | phagwara |
    phagwāra | phalaborwa | phan rang-thap cham | phan rang-tháp chàm | phan thiet | phan thiết
    | pharr | phasi charoen | philadelphia | philippines | phnom penh | pho yen | phong ien |
    phong điền | phool nagar | phra pradaeng | phu ly | phu my | phu quoc | phuc yen | phusro |
    phú mỹ | phú quốc | phúc yên | phổ yên | phủ lý | pia | piacenza | pianura | piatra neamt |
    piatra neamţ | pickering | pico rivera | picpus | piedecuesta | piedras negras | piekary
    slaskie | piekary śląskie | pierrefonds | pierrefonds-roxboro | pietermaritzburg | pikine |
    pilibhit | pilsen | pimpri | pimpri-chinchwad | pinar del rey | pinar del rio | pinar del
    río | pindamonhangaba | pindi bhattian | pindiga | pinellas park | pinetown | pingdingshan |
    pingdu | pingliang | pingshan | pingwu county | pingxiang | pinhais | pinsk | piotrkow
    trybunalski | piotrków trybunalski | piracicaba | piraeus | piranshahr | piraquara |
    pirituba | pisa | piscataway | pistoia | pita kotte | pitalito | pitcairn | pitesti |
    piteşti | pithampur | pittsburg | pittsburgh | pittwater | piura | pizhou | piła | placentia
    | plainfield | planaltina | plano | plano piloto | plaridel | plauen | playa del carmen |
    plaza de la revolucion | plaza de la revolución | pleasanton | pleiku | ploiesti | ploieşti
    | plovdiv | plumbon | plymouth | poa | poblacion | pocatello | pocos de caldas | podgorica |
    podolsk | pohang | poinciana | pointe-noire | poitiers | pokhara | poland | polokwane |
    poltava | pomona | pompano beach | ponce | ponferrada | ponnani | ponnāni | ponta grossa |
    pontevedra | pontiac | pontianak | ponticelli | poole | popayan | popayán | por do sol |
    porbandar | pori | porirua | porlamar | port arthur | port blair | port charlotte | port
    coquitlam | port dickson | port harcourt | port louis | port macquarie | port moresby | port
    saint lucie | port sudan | port-au-prince | port-de-paix | port-gentil | porterville |
    portici | portland | portmore | porto | porto alegre | porto seguro | porto velho |
    porto-novo | portoviejo | portsmouth | portsmouth heights | portugal | porvoo | porz am
    rhein | posadas | potchefstroom | potenza | potosi | potosí | potsdam | pouso alegre | poway
    | poza rica de hidalgo | poznan | poznań | pozniaky | pozuelo de alarcon | pozuelo de
    alarcón | pozzo strada | pozzuoli | poá | poços de caldas | prabumulih | praga ponoc | praga
    poudnie | praga południe | praga północ | prague | praia | praia grande | prato | pravyi
    bereh | prayagraj | prenzlauer berg | presidente prudente | presnenskiy | preston | pretoria
    | prince george | pristina | prizren | probolinggo | proddatur | proddatūr | prokop'yevsk |
    prokopyevsk | provence | provo | pruszkow | pruszków | przemysl | przemyśl | psie pole |
    pskov | pu'er | pucallpa | puchong | pudong | puducherry | pudukkottai | puebla | pueblo
    nuevo | puente alto | puente de vallecas | puerto ayacucho | puerto barrios | puerto cabello
    | puerto cortez | puerto la cruz | puerto montt | puerto plata | puerto princesa | puerto
    rico | puerto vallarta | puertollano | pulandian | pulheim | pulilan | pulong santa cruz |
    punasa | pune | punggol | puning | punjab | puno | punta arenas | punta cana | punta cardon
    | punta cardón | punto fijo | punāsa | puqi | puri | purley | purmerend | purnia | puruliya
    | purwakarta | purwodadi | purwokerto | pushkino | putatan | puthia | putian | putney |
    putuo | puxi | puyang | puyang chengguanzhen | pyatigorsk | pyay | pyeongtaek | pyin oo lwin
    | pyongsong | pyongyang | pátra | pécs | pétionville | pôr do sol | pābna | pākdasht |
    pālanpur | pāli | pānihāti | pār naogaon | pārsābād | pātan | pīlibhīt | płock | qadirpur
    ran | qaem shahr | qalat sukkar | qalyub | qal‘at sukkar | qarchak | qarshi | qasr bin
    ghashir | qatar | qazvin | qaşr bin ghashīr | qeadize | qeładizê | qianjiang | qiaotou |
    qibao | qina | qingdao | qingnian | qingpu | qingyang | qingyuan | qingzhou | qinhuangdao |
    qinzhou | qionghai | qiqihar | qitaihe | qods | qom | qoqon | qo‘qon | quan ba | quan bon |
    quan muoi | quan muoi mot | quan nam | quan sau | quan uc thinh | quang ngai | quanzhou |
    quarto oggiaro | quartu sant'elena | quchan | quebec | queensland | queenstown | queenstown
    estate | queimados | quelimane | queluz | quetta | quetzaltenango | quevedo | quezon |
    quezon city | qui nhon | quibdo | quibdó | quilicura | quillacollo | quilmes | quilpue |
    quilpué | quimper | quincy | quito | qujing | qurayyat | quthbullapur | quzhou | québec |
    quảng ngãi | quận ba | quận bốn | quận mười | quận mười một | quận năm | quận sáu | quận đức
    thịnh | qā'em shahr | qūchān | ra's bayrūt | rabak | rabat | rach gia | raciborz | racibórz
    | racine | radom | raebareli | rafah | rafaḩ | rafsanjan | rafsanjān | ragusa | rahim yar
    khan | rahlstedt | raichur | raiganj | raigarh | raipur | raj-nandgaon | raja jang |
    rajamahendravaram | rajapalayam | rajkot | rajpur sonarpur | rajshahi | raleigh | ramadi |
    ramagundam | ramat gan | ramenki | ramgundam | ramiros | ramna maidan | rampur | rancagua |
    ranchi | rancho cordova | rancho cucamonga | rancho penasquitos | randburg | randers |
    randfontein | ranebennur | rangamati | rangel | rangkasbitung | rangoon | rangpur | raniganj
    | ranipet | rantauprapat | ranyah | raposo tavares | ras al khaimah | ras bayrut |
    rasapudipalem | rasapūdipalem | rasht | ratingen | ratlam | ratlām | raurkela industrial
    township | ravenna | rawalpindi | rawang | rawson | rayon ktz | rayong | recanto das emas |
    recife | recklinghausen | redding | redditch | redhill | redlands | redmond | redondo beach
    | regensburg | reggio calabria | reggio nell'emilia | regina | rehovot | reims |
    reinickendorf | relizane | remscheid | renala khurd | renca | renfrew-collingwood |
    rengasdengklok | rennes | reno | renton | repentigny | republic of the congo | reseda |
    resende | resistencia | ressano garcia | reston | retiro | reus | reutlingen | rewa | rewari
    | rewāri | reykjavik | reykjavík | reynosa | reẖovot | rheine | rheinhausen | rhode island |
    rhondda | riacho fundo ii | rialto | ribeirao das neves | ribeirao pires | ribeirao preto |
    ribeirão das neves | ribeirão pires | ribeirão preto | richards bay | richardson | richland
    | richmond | richmond hill | ridgewood | riga | rijeka | rimini | rio branco | rio claro |
    rio cuarto | rio das ostras | rio de janeiro | rio de mouro | rio grande | rio pequeno | rio
    rancho | rio verde | riobamba | riohacha | rionegro | rishon letsiyyon | rishra |
    rivas-vaciamadrid | riverview | riviere-des-prairiespointe-aux-trembles |
    rivière-des-prairies–pointe-aux-trembles | rivne | riyadh | rize | rizhao | roanoke | robat
    karim | robertsonpet | robāţ karīm | rochdale | rochester | rochester hills | rockford |
    rockhampton | rocklin | rockville | rodenkirchen | rodriguez | roeselare | rohini | rohtak |
    romania | rome | romford | rondonopolis | rondonópolis | roodepoort | roorkee | roosendaal |
    roquetas de mar | rosario | rosarito | rosemead | rosemontla petite-patrie | rosemont–la
    petite-patrie | rosenheim | rosetta | roseville | roskilde | rossendale | rostock |
    rostov-on-don | roswell | rotherham | rotorua | rotterdam | roubaix | rouen | rouiba |
    rourkela | rovaniemi | rovigo | rowlett | roxas city | royal leamington spa | royal
    tunbridge wells | rubi | rubtsovsk | rubí | ruda slaska | ruda śląska | rudnyy | rudrapur |
    rueil-malmaison | rufisque | rufisque est | rugao | rui'an | ruian | ruiru | runcorn | ruqi
    | russeifa | russelsheim am main | russia | rustaq | rustavi | rustenburg | rutchenkivskyi |
    rwanda | ryazan | ryazan' | ryazanskiy | rybinsk | rybnik | rzeszow | rzeszów | río cuarto |
    rüsselsheim am main | rāichūr | rāiganj | rāj-nāndgaon | rājkot | rāmgundam | rāmpur |
    rāniganj | rānipet | rānyah | rānīganj | rạch giá | sa dec | saaba | saanich | saarbrucken |
    saarbrücken | sabadell | sabah as salim | sabanalarga | sabara | sabará | sabha | sabt
    alalayah | sabya | sabzevar | sacaba | sacoma | sacomã | sacramento | saddiqabad | sadr city
    | safi | sagamihara | sagrada familia | sagrada família | saguenay | sagunto | saham |
    saharanpur | saharsa | sahiwal | sahāranpur | sai mai | saida | saidpur | saigon | saijo |
    saijō | saint barthelemy | saint charles | saint clair shores | saint george | saint helena
    | saint joseph | saint kitts and nevis | saint lucia | saint paul | saint petersburg | saint
    pierre and miquelon | saint vincent and the grenadines | saint-brieuc | saint-denis |
    saint-etienne | saint-gilles | saint-hubert | saint-hyacinthe | saint-jean-sur-richelieu |
    saint-jerome | saint-jérôme | saint-laurent | saint-leonard | saint-louis |
    saint-louis-de-terrebonne | saint-léonard | saint-malo | saint-marc | saint-maur-des-fosses
    | saint-maur-des-fossés | saint-michel | saint-nazaire | saint-paul | saint-quentin |
    saint-quentin-en-yvelines | saint-étienne | sainte-foy | saitama | sakado | sakai | sakakah
    | sakata | sakiet ed daier | sakiet ez zit | sakura | salalah | salamanca | salaqi |
    salatiga | salavat | sale al jadida | salem | salerno | salford | salihli | salinas | salo |
    salta | saltillo | saltivka | salto | salvador | salvaleon de higuey | salvaleón de higüey |
    salzburg | salzgitter | salé | salé al jadida | sam son | samalut | samambaia | samandag |
    samandağ | samara | samarinda | samarkand | samarra | sambalpur | sambhal | sambizanga |
    sambrial | sammamish | samoa | sampit | samsun | samut prakan | samālūţ | san | san angelo |
    san antonio | san bartolome de tirajana | san bartolomé de tirajana | san bernardino | san
    bernardo | san blas-canillejas | san carlo all'arena | san carlos | san carlos del zulia |
    san clemente | san cristobal | san cristóbal | san diego | san felipe | san fernando | san
    fernando de apure | san francisco | san francisco de borja | san francisco de macoris | san
    francisco de macorís | san jose | san jose del cabo | san jose del monte | san josé | san
    josé del cabo | san juan | san juan del rio | san juan del río | san juan sacatepequez | san
    juan sacatepéquez | san justo | san leandro | san lorenzo | san luis | san luis potosi | san
    luis potosí | san luis rio colorado | san luis río colorado | san marcos | san marino | san
    martin | san mateo | san miguel | san miguel de allende | san miguel de tucuman | san miguel
    de tucumán | san miguel del padron | san miguel del padrón | san miguelito | san pablo | san
    pedro | san pedro de macoris | san pedro de macorís | san pedro garza garcia | san pedro
    garza garcía | san pedro sula | san rafael | san ramon | san salvador | san salvador de
    jujuy | san severo | san tan valley | san tung chung hang | san vicent del raspeig |
    san-pedro | san-pédro | sanaa | sanandaj | sancaktepe | sancti spiritus | sancti spíritus |
    sandacho | sandachō | sandakan | sandefjord | sandnes | sanford | sangju | sangla hill |
    sangli | sanhe | sankt augustin | sankt gallen | sanlucar de barrameda | sanlurfa | sanlúcar
    de barrameda | sanmenxia | sanming | sano | sanshui | sant andreu | sant boi de llobregat |
    sant cugat del valles | sant cugat del vallès | sant marti | sant martí | santa ana | santa
    barbara | santa barbara d'oeste | santa bárbara d'oeste | santa catarina | santa clara |
    santa clarita | santa coloma de gramenet | santa cruz | santa cruz de tenerife | santa cruz
    do sul | santa fe | santa lucia | santa lucia cotzumalguapa | santa lucía | santa lucía
    cotzumalguapa | santa luzia | santa maria | santa marta | santa monica | santa rita | santa
    rosa | santa tecla | santa teresa del tuy | santana | santana de parnaiba | santana de
    parnaíba | santander | santarem | santarém | santee | santiago | santiago de compostela |
    santiago de cuba | santiago de los caballeros | santiago de queretaro | santiago de
    querétaro | santiago de surco | santiago del estero | santo andre | santo andré | santo
    antonio | santo antonio de jesus | santo antónio | santo antônio de jesus | santo domingo |
    santo domingo este | santo domingo oeste | santol | santos | sants-montjuic | sants-montjuïc
    | santutxu | sanxia | sanya | sao bernardo do campo | sao caetano do sul | sao carlos | sao
    goncalo do amarante | sao joao de meriti | sao jose | sao jose de ribamar | sao jose dos
    campos | sao jose dos pinhais | sao leopoldo | sao lourenco da mata | sao lucas | sao luis |
    sao mateus | sao paulo | sao pedro da aldeia | sao rafael | sao tome and principe | sao
    vicente | sapele | sapopemba | sapporo | sapucaia do sul | saqqez | sarajevo | sarandi |
    saransk | sarasota | saratov | sarcelles | sardinia | sargodha | sarh | sariwon-si |
    sariwŏn-si | sarnia | sarpsborg | sarria-sant gervasi | sarrià-sant gervasi | sartrouville |
    sasaram | sasarām | sasebo | saskatoon | sasolburg | sassari | satara | satkhira | satna |
    satu mare | saudi arabia | saugor | sault ste. marie | saurimo | savannakhet | savar | saveh
    | savona | sawai madhopur | sawangan | saxony | sayama | saïda | scandinavia | scarborough |
    schaerbeek | schaumburg | schenectady | schiedam | schoneberg | schwabisch gmund |
    schweinfurt | schwerin | schwerte | schwäbisch gmünd | schöneberg | scotland | scottsdale |
    scranton | scunthorpe | seattle | sebeta | secondigliano | secunderabad | seeb | segou |
    segovia | seguela | sehore | seinajoki | seinäjoki | sejong | sejoumi | sekondi |
    sekondi-takoradi | selayang baru utara | semarang | sembawang estate | semey | semnan |
    senador canedo | sendai | senegal | sengerema | sengkang new town | sennar | sentul |
    seogwipo | seongnam-si | seoni | seoul | sepang | sepatan | seraing | serang | serangoon |
    serangoon new town | serbia | serbia and montenegro | serekunda | seremban | sergeli |
    sergiyev posad | seri kembangan | seri manjung | serilingampalle | serpukhov | serra |
    sertaozinho | sertãozinho | sesto san giovanni | set ka lay | setagaya | setapak | sete
    lagoas | setia alam | setif | seto | settat | setubal | setúbal | sevastopol | severnyy |
    severodvinsk | seversk | sevilla | seychelles | sfax | sha tin | shabqadar | shache |
    shagamu | shah alam | shahdad kot | shahdadpur | shahecheng | shahin shahr | shahjanpur |
    shahkot | shahr-e kord | shahr-e sadra | shahr-e ṣadrā | shahrak-e pardisan | shahrak-e
    pardīsān | shahre jadide andisheh | shahreza | shahreẕā | shahriar | shahrisabz | shahrud |
    shahrīār | shahuwadi | shahzadpur | shajing | shakargarh | shakhty | sham shui po | shangluo
    | shangqiu | shangrao | shangri-la | shangyu | shangzhi | shanhaiguan | shantipur | shantou
    | shanwei | shaoguan | shaoshan | shaowu | shaoxing | shaoyang | sharjah | shashamane |
    shawnee | shchukino | shchyolkovo | sheepshead bay | sheffield | shekhupura | shelby |
    shengavit | shenglilu | shenyang | shenzhen | sherbrooke | sherman oaks | sherpur | sherwood
    park | shevchenkivskyi | shevchenko | shibganj | shibin al kawm | shibuya | shibīn al kawm |
    shihezi | shijiazhuang | shijie | shikarpur | shillong | shilong | shimla | shimonoseki |
    shimotoda | shinagawa | shinjuku | shinyanga | shiqi | shiqiao | shiraz | shivaji nagar |
    shivamogga | shivpuri | shiyan | shizuishan | shizuoka | sholapur | shomolu | shouguang |
    shreveport | shrewsbury | shrirampur | shrīrāmpur | shuangcheng | shuanglonghu |
    shuangyashan | shubra al khaymah | shubrā al khaymah | shuifu | shuizhai | shujaabad |
    shulin | shunan | shunyi | shuozhou | shushtar | shyamnagar | shymkent | shāhjānpur |
    shāhzādpur | shāhīn shahr | shāntipur | shūnan | shūshtar | si maha phot | si racha |
    sialkot | siberia | sibiu | sibu | sicily | sidi bel abbes | sidi slimane | sidoarjo | sidon
    | siedlce | siegen | siem reap | siemianowice slaskie | siemianowice śląskie | siena |
    sierra leone | siguatepeque | siguiri | siheungdong | siirt | sikar | sikasso | silang |
    silchar | silifke | siliguri | silopi | simele | simferopol | simi valley | simoes filho |
    simões filho | sinah | sincelejo | sinch'ŏn-ŭp | sinchon-up | sindelfingen | sinfra | singa
    | singapore | singaraja | singida | singkawang | singosari | singrauli | sinjhoro | sinnuris
    | sinnūris | sinop | sinp'o | sinpo | sint maarten | sint-niklaas | sinuiju | sinŭiju |
    sioux city | sioux falls | siping | siracusa | sirajganj | sirjan | sirsa | sirte | sisli |
    sitapur | sitiawan | sittingbourne | sittwe | situbondo | sivakasi | sivas | siverek | siwan
    | siwān | skardu | skhidni kvartaly | skien | skikda | skokie | skopje | skudai | slovakia |
    slovenia | slovyansk | smethwick | smolensk | smolyanskyi | smyrna | soacha | sobral | soc
    trang | sochi | sodermalm | sodertalje | sodo | sofia | sogamoso | sohag | sohar | soka |
    sokode | sokodé | sokoto | soledad | soledad de graciano sanchez | soledad de graciano
    sánchez | solihull | solikamsk | solingen | sollentuna | solna | solntsevo | solomon islands
    | solwezi | somalia | somaroboro | somerset west | somerville | son tay | sonargaon |
    songcheng | songea | songjiang | songnan | songnim-ni | songyuan | sonipat | sonārgaon |
    sonīpat | soreang | sorocaba | sorong | sorriso | sorsogon | soshanguve | sosnowiec | soubre
    | soubré | souk ahras | sousse | south africa | south america | south boston | south
    carolina | south croydon | south dakota | south dublin | south fulton | south georgia and
    the south sandwich islands | south jordan | south korea | south lawndale | south peabody |
    south san francisco | south sudan | south suffolk | south tangerang | south vineland | south
    whittier | southall | southampton | southaven | southend-on-sea | southfield | southport |
    soweto | soyapango | soyibug | soyo | soyībug | spain | spanish town | speyer | spijkenisse
    | spokane | spokane valley | springdale | springfield | sri ganganagar | sri jayewardenepura
    kotte | sri lanka | srikakulam | srinagar | srodmiescie | st albans | st helens | st. albert
    | st. catharines | st. john's | st. louis | st. petersburg | stafford | staines | stalowa
    wola | stamford | stamford hill | standerton | stara zagora | starachowice | stargard |
    staryy oskol | staten island | stavanger | stavropol | steglitz | sterlitamak | stevenage |
    stockholm | stockport | stockton | stockton-on-tees | stoke-on-trent | stolberg | stonecrest
    | stourbridge | stralsund | strasbourg | stratford | streatham | strogino | stroud |
    stuttgart | suan luang | subang | subang jaya | subotica | subulussalam | sucre | sudan |
    suez | suffolk | suginami | suicheng | suihua | suining | suita | suizhou | sujangarh |
    sujiatun | sukabumi | sukawati | sukkur | sukrah | sulaymaniyah | suleja | sullana | sultan
    kudarat | sultan pur majra | sultanah | sultanbeyli | sultangazi | sultanpur | sultānpur |
    sulţānah | sumare | sumaré | sumayl | sumbawanga | sumbe | sumedang | sumedang utara |
    sumgayit | sumida | sumy | sunch'ŏn | suncheon | sunchon | sunderland | sundsvall | sungai
    buloh | sungai penuh | sungai petani | sungailiat | sunggal | sunnyvale | supsk | suqian |
    surabaya | surakarta | surat | surat thani | surendranagar | surgut | suriapet | suriname |
    suriāpet | suruc | surulere | suruç | sutton | sutton coldfield | suwaki | suwaylih |
    suwałki | suwon | suzano | suzhou | suzuka | svalbard and jan mayen | swansea | swaziland |
    sweden | swidnica | swietochowice | swindon | switzerland | sydney | sykhiv | syktyvkar |
    sylhet | sylmar | syracuse | syria | syzran | szczecin | szeged | szekesfehervar |
    székesfehérvár | são bernardo do campo | são caetano do sul | são carlos | são gonçalo do
    amarante | são josé | são josé de ribamar | são josé dos campos | são josé dos pinhais | são
    joão de meriti | são leopoldo | são lourenço da mata | são luís | são mateus | são paulo |
    são pedro da aldeia | são vicente | ségou | séguéla | sétif | sóc trăng | södermalm |
    södertälje | sāmarrā' | sāngli | sātkhira | sāveh | sīkar | sīnah | sītāpur | słupsk | sōka
    | sūjāngarh | sơn la | sơn tây | sầm sơn | ta'if | taboao da serra | tabora | taboão da
    serra | tabriz | tabuk | taby | tacheng | tachikawa | tacloban | tacna | tacoma | tacurong |
    tadepalligudem | tadpatri | taganrog | taganskiy | taguatinga | taguig | tahoua | tahta |
    tai po | tai'an | taian | taibai | taicang | taichung | taif | tainan | taipa | taipei |
    taiping | taishan | taito | taitung | taiwan | taiyuan | taiz | taizhou | tajikistan |
    tajimi | tajura | takamatsu | takaoka | takarazuka | takasaki | takatsuki | takeo | takoradi
    | talatona | talavera de la reina | talca | talcahuano | taldykorgan | talhar | taling chan
    | talisay | talkha | tallaght | tallahassee | tallinn | tam ky | tam kỳ | tama | taman
    petaling | tamarac | tambacounda | tambaram | tambov | tamiami | tampa | tampere | tampico |
    tampines estate | tampines new town | tamworth | tan chau | tandil | tando adam | tando
    allahyar | tando bago | tando muhammad khan | tanga | tangail | tangara da serra | tangará
    da serra | tangerang | tanggu | tanghe | tangshan | tanjung pandan | tanjung pinang |
    tanjungbalai | tanta | tantou | tanza | tanzania | tanzhou | taonan | taourirt | taoyuan |
    taozhou | tapachula | tarakan | taranto | taraz | tarbes | targowek | targu mures | targówek
    | tariba | tarija | tarime | tarlac city | tarneit | tarnobrzeg | tarnow | tarnowskie gory |
    tarnowskie góry | tarnów | tarragona | tarsus | tartus | tasek glugor | tashkent |
    tasikmalaya | tasmania | tatui | tatuí | taubate | taubaté | taunggyi | taungoo | taunsa |
    taunton | tauranga | tawau | tay ho | tay ninh | tayabas | taylor | taylorsville | taytay |
    taza | tbilisi | tczew | tebessa | tebingtinggi | tegal | tegucigalpa | tehran | tehuacan |
    tehuacán | teixeira de freitas | tekirdag | tekirdağ | tekstil'shchiki | tekstilshchiki |
    tel aviv | telde | telford | teluk intan | teluknaga | tema | temara | temecula | temirtau |
    tempe | tempe junction | tempelhof | temuco | tengyue | teni | tennessee | teofilo otoni |
    tepexpan | tepic | teramo | teresina | teresopolis | teresópolis | ternate | terni |
    ternopil | terrassa | terre haute | terrebonne | teshi old town | tete | tetouan | tetuan de
    las victorias | tetuán de las victorias | texas | texcoco de mora | teziutlan | teófilo
    otoni | thai nguyen | thailand | thane | thanesar | thanh hoa | thanh hóa | thanh khe |
    thanh khê | thanh pho ba ria | thanh pho song cong | thanh xuan | thanh xuân | thanjavur |
    thaton | the bronx | the hague | the netherlands | the trails of frisco | thembisa | thenali
    | thessaloniki | thessaloníki | thi tran ai tu | thi tran ong trieu | thi tran thuan chau |
    thies | thies nones | thika | thiruvananthapuram | thiès | thiès nones | thohoyandou | thoi
    lai | thon buri | thoothukudi | thornton | thot not | thrissur | thu dau mot | thu uc |
    thuan an | thuan thanh | thung khru | thuqbah | thuận an | thuận thanh | thành phố bà rịa |
    thành phố sông công | thái nguyên | thāne | thānesar | thị trấn thuận châu | thị trấn đông
    triều | thị trấn đại từ | thốt nốt | thới lai | thủ dầu một | thủ đức | tianfu | tianjin |
    tianshui | tiaret | tibet | tiebo | tieli | tieling | tigard | tigwav | tijuana | tilburg |
    tima | timika | timisoara | timişoara | timon | timor leste | tin shui wai | tinaquillo |
    tinh bien | tinley park | tinsukia | tirana | tiraspol | tirmiz | tiruchirappalli |
    tirunelveli | tirupati | tiruppur | tiruvannamalai | tiruvottiyur | tiruvottiyūr | titagarh
    | titiwangsa | titāgarh | tivaouane | tizi ouzou | tiébo | tlahuac | tlalnepantla | tlalpan
    | tlaquepaque | tlemcen | tláhuac | tnsberg | toa payoh new town | toamasina | toba tek
    singh | tobolsk | tobruk | tochigi | tocoa | togo | tokai | tokat | tokchon | tokelau |
    tokorozawa | tokoza | tokushima | tokuyama | tokyo | toledo | toli-toli | toliara | toluca |
    tolyatti | tomakomai | tomaszow mazowiecki | tomaszów mazowiecki | tomsk | tonala | tonalá |
    tondabayashicho | tondabayashichō | tonga | tongchuan | tongchuanshi | tonghua | tongliao |
    tongling | tongren | tongshan | tongzhou | tonk | tonypandy | toowoomba | topeka | torbat-e
    heydariyeh | torbat-e ḩeydarīyeh | tordher | toride | toronto | torquay | torrance | torre
    del greco | torrejon de ardoz | torrejón de ardoz | torrelavega | torremolinos | torreon |
    torrevieja | torreón | torun | toruń | toshima | totonicapan | totonicapán | tottenham |
    tottori-shi | touba | toufen | touggourt | toulon | toulouse | tourcoing | tournai | town
    'n' country | townsville | towson | toyama | toyohashi | toyokawa | toyonaka | toyota | tra
    vinh | trabzon | tracy | trang bang | trani | transylvania | trapani | trento | trenton |
    treptow | treviso | tri-cities | trier | trieste | trincomalee | trindade | trinidad and
    tobago | tripoli | trois-rivieres | trois-rivières | troisdorf | trondheim | troparevo |
    troparëvo | troyes | trujillo | trà vinh | trảng bàng | tsaritsyno | tsentralno-miskyi |
    tsentralnyi | tseung kwan o | tshikapa | tshilenge | tsing yi town | tsu | tsuchiura | tsuen
    wan | tsukuba | tsuruoka | tsuyama | tubarao | tubarão | tubingen | tucson | tuen mun |
    tuggeranong | tuguegarao | tula | tulancingo | tulare | tulsa | tulua | tuluá | tumkur |
    tumkūr | tumxuk | tunduma | tung chung | tungi | tungipara | tunis | tunisia | tunja |
    turgutlu | turhal | turin | turkistan | turkmenabat | turkmenistan | turks and caicos
    islands | turku | turlock | turmero | turpan | tuscaloosa | tuscany | tustin | tuvalu |
    tuxtepec | tuxtla | tuy hoa | tuy hòa | tuyen quang | tuyên quang | tuz khurmatu | tuzla |
    tver | twifu praso | tychy | tyler | tynemouth | tyoply stan | tyre | tyumen | táriba | tân
    an | tân châu | târgu mureş | tây hồ | tây ninh | täby | tébessa | tétouan | tønsberg |
    tübingen | türkmenabat | tājūrā' | tōkai | tŏkch'ŏn | tịnh biên | u.s. virgin islands | uba
    | ube | uberaba | uberlandia | uberlândia | ubon ratchathani | ubá | uccle | udaipur | udgir
    | udgīr | udine | udon thani | udupi | ueda | ufa | uganda | ugep | uige | uijeongbu-si |
    uji | ujjain | ujpest | uk | ukhta | ukraine | ulan bator | ulan-ude | ulanhot | ulanqab |
    ulhasnagar | ullyul | ulm | ulsan | ulu bedok | uluberiya | ulyanovsk | umarkot | umea |
    umeå | umm qasr | umm qaşr | umraniye | umuahia | umuarama | unaizah | ungaran | united arab
    emirates | united states of america | universitats- und hansestadt greifswald | university
    of texas | universitäts- und hansestadt greifswald | unna | unnao | unnāo | upata | uppal
    kalan | uppsala | urasoe | urayasu | urdaneta | urganch | uromi | ursynow | ursynów |
    uruapan | uruguaiana | uruguay | uruma | urumqi | usa | usak | usera | uskudar | ussuriysk |
    ust'-ilimsk | ust-ilimsk | ust-kamenogorsk | utah | utica | utrecht | utrera | utsunomiya |
    uvira | uxbridge | uyo | uzbekistan | uzhhorod | uíge | uşak | vaasa | vacaville | vacoas |
    vadodara | valdefuentes | valdemoro | valdivia | valdosta | valencia | valenzuela | valera |
    valinhos | valladolid | valle de la pascua | vallecas | valledupar | vallejo | valparaiso |
    valparaiso de goias | valparaíso | valparaíso de goiás | valsad | valsād | valverde | van
    nuys | vancouver | vanderbijlpark | vannes | vantaa | vanuatu | vapi | varamin | varanasi |
    varese | varginha | varna | varzea grande | varzea paulista | varāmīn | vasastaden | vasco
    da gama | vasteras | vasyl'evsky ostrov | vatican | vaughan | vaxjo | vedado | veenendaal |
    vejalpur | vejle | velbert | velez-malaga | velikiy novgorod | velikiye luki | velletri |
    vellore | velsen-zuid | venezuela | venice | venissieux | venlo | ventas | ventura |
    venustiano carranza | veracruz | veraval | verdun | vereeniging | verhunskyi | vermont |
    verona | versailles | verviers | verāval | veshnyaki | vespasiano | viamao | viamão | viana
    | viareggio | vicalvaro | vicenza | victoria | victoria de durango | victorville | vicálvaro
    | vidisha | vienna | vientiane | viersen | viet tri | viet yen | vietnam | vigevano | vigo |
    vihari | vijayapura | vijayawada | vila andrade | vila curuca | vila flor | vila jacui |
    vila maria | vila mariana | vila matilde | vila medeiros | vila nova de gaia | vila prudente
    | vila velha | vila-real | viladecans | vilanova i la geltru | vilanova i la geltrú |
    vilkhivskyi | villa canales | villa de vallecas | villa lugano | villa mercedes | villa
    nueva | villach | villahermosa | villaverde | villavicencio | ville-marie |
    villeneuve-d'ascq | villeraysaint-michelparc-extension |
    villeray–saint-michel–parc-extension | villeurbanne | villingen-schwenningen | vilnius |
    vina del mar | vineland | vinh | vinh chau | vinh long | vinh yen | vinnytsya | viransehir |
    viranşehir | virar | virginia | virginia beach | virār | visakhapatnam | visalia | viseu |
    vitebsk | vitoria | vitoria da conquista | vitoria de santo antao | vitry-sur-seine |
    vittoria | vitória | vitória da conquista | vitória de santo antão | vizianagaram | viña del
    mar | việt trì | việt yên | vlaardingen | vladikavkaz | vladimir | vladivostok | vlore |
    vlorë | volgodonsk | volgograd | vologda | volta redonda | volzhsky | voronezh | votorantim
    | vryheid | vung tau | vyhurivshchyna-troyeshchyna | vykhino-zhulebino | várzea grande |
    várzea paulista | västerås | växjö | vélez-málaga | vénissieux | vĩnh châu | vĩnh long |
    vĩnh yên | vũng tàu | wabrzych | waco | wad medani | wafangdian | wah cantt | wahring |
    waiblingen | wakayama | wakefield | waldorf | wallasey | wallis and futuna | wallonia |
    walsall | waltham | walthamstow | wan chai | wandsbek | wang thonglang | wangsa maju |
    wanning | wansheng | wanxian | wanzhou | warangal | wardha | warisan | warner robins | warri
    | warrington | warsaw | warwick | warīsān | washington | washington heights | watampone |
    waterbury | waterford | waterfront communities-the island | waterloo | waterlooville |
    watford | watsonville | wattenscheid | watthana | wau | waukegan | waukesha | wawer |
    wayaobu | wayne | wazirabad | wałbrzych | weifang | weihai | weimar | weinan | weldiya |
    welkom | welland | wellingborough | welwyn garden city | wembley | wenchang | wenshan city |
    wenzhou | werribee | weru | wesel | west albany | west allis | west bloomfield township |
    west bromwich | west covina | west des moines | west gulfport | west hartford | west
    hollywood | west jerusalem | west jordan | west lynchburg | west new york | west raleigh |
    west sacramento | west virginia | western sahara | westland | westminster | weston |
    weston-super-mare | westonaria | wetzlar | weymouth | whalley | whangarei | wheaton | whitby
    | whittier | wichita | wichita falls | widnes | wiesbaden | wigan | wilhelmsburg |
    wilhelmshaven | willemstad | willich | willowdale | willowdale east | wilmersdorf |
    wilmington | wimbledon | windhoek | windsor | winejok | winnipeg | winston-salem |
    winterhude | winterthur | wisconsin | witten | woburn | wocawek | woking | wola |
    wolfenbuttel | wolfenbüttel | wolfsburg | wollongong | woluwe-saint-lambert | wolverhampton
    | wong tai sin | wonju | wonsan | woodbury | worcester | worthing | wrexham | wrocaw |
    wrocław | wrzeszcz | wuchuan | wuda | wugang | wuhai | wuhan | wuhu | wujiaqu | wuppertal |
    wurzburg | wushan | wuwei | wuxi | wuxue | wuyishan | wuzhishan | wuzhong | wuzhou | wyoming
    | währing | würzburg | wādī as sīr | włocławek | wŏnju | wŏnsan | xai-xai | xalapa de
    enriquez | xalapa de enríquez | xi'an | xiamen | xian | xiangcheng | xiangtan | xiangyang |
    xianning | xiantao | xianyang | xiaogan | xiayang | xiazhen | xichang | xico | xigang |
    xilin hot | xilinhot | xincheng | xindi | xinghua | xingning | xingtai | xingyi | xining |
    xinji | xinqiao | xintai | xinxiang | xinyang | xinyi | xinyu | xinyuan | xinzhai | xinzhou
    | xiulin | xiuying | xiva | xizhi | xochimilco | xuan loc | xuancheng | xuanhua | xuchang |
    xuhui | xunchang | xuyong | xuzhou | xuân lộc | ya'an | yachiyo | yaizu | yakeshi | yakima |
    yakutsk | yamagata | yamaguchi | yamato | yamoussoukro | yamuna nagar | yan'an | yanan |
    yanbu | yancheng | yangcheng | yangchun | yanghang | yangjiang | yangju | yangon | yangpu |
    yangquan | yangsan | yangshuo | yangzhou | yanji | yantai | yanzhou | yao | yaounde |
    yaoundé | yaritagua | yaroslavl | yasenevo | yautepec | yavatmal | yavatmāl | yawnghwe |
    yazd | yei | yekaterinburg | yelahanka | yelets | yemen | yen bai | yen vinh | yenagoa |
    yenangyaung | yeoju | yeosu | yeovil | yerevan | yevlakh | yevpatoriya | yezhou | yibin |
    yichang | yichun | yidu | yinchuan | yingkou | yingtan | yintai | yishun new town | yiwu |
    yixing | yizhou | yogyakarta | yokkaichi | yokohama | yokosuka | yola | yonago | yong'an |
    yongan | yongchuan | yongji | yongkang | yongzhou | yonkers | yono | yopal | yorba linda |
    york | yoshkar-ola | youkaichi | youngstown | yuanlin | yuba city | yucaipa | yuci | yuen
    long | yuen long kau hui | yuen long san hui | yuepu | yueyang | yugoslavia | yulin | yuma |
    yuncheng | yunfu | yunlong | yunusobod | yushu | yuxi | yuyao | yuzhno-sakhalinsk | yên bái
    | yên vinh | zaandam | zaanstad | zabol | zabrze | zacatecas | zagazig | zagreb | zahedan |
    zaire | zama | zambia | zamboanga | zamora | zamora de hidalgo | zamosc | zamość | zango |
    zanjan | zanzibar | zaoyang | zaozhuang | zapopan | zaporizhzhya | zaragoza | zaria |
    zarichnyi | zarqa | zawiercie | zawiya | zefta | zehlendorf | zeist | zelenograd | zemun |
    zenica | zeytinburnu | zgierz | zhabei | zhalantun | zhanaozen | zhangjiagang | zhangjiajie
    | zhangjiakou | zhangye | zhangzhou | zhanjiang | zhaodong | zhaoqing | zhaotong | zhaoyuan
    | zhaozhou | zheleznodorozhnyy | zhengding | zhengzhou | zhenjiang | zhenping | zhenzhou |
    zhezqazghan | zhicheng | zhonghe | zhongshan | zhongwei | zhongxiang | zhoucun | zhoukou |
    zhoushan | zhu cheng city | zhubei | zhucheng | zhuhai | zhuji | zhujing | zhulebino |
    zhumadian | zhuzhou | zhytomyr | zibo | zielona gora | zielona góra | zigong | ziguinchor |
    zimbabwe | zinder | zipaquira | zipaquirá | zitong | ziyang | zlatoust | zliten | zoetermeer
    | zoliborz | zomba | zonguldak | zory | zoucheng | zuglo | zugló | zumpango | zunyi | zurich
    | zwickau | zwolle | zyablikovo | zyuzino | zürich | zābol | águas claras | águas lindas de
    goiás | álvaro obregón | ávila | ålesund | århus | çanakkale | çankaya | çiğli | çorlu |
    çorum | ébolowa | évora | évreux | évry | ðà lạt | ðông hà | ñuñoa | ô môn | örebro | újpest
    | ürümqi | üsküdar | ādilābād | ādīgrat | ālā'ĕr | āmol | ārabī | āsansol | āsela | čačak |
    điện bàn | đưc trọng | đống đa | đồng hới | đồng xoài | đức phổ | īlām | īz̄eh | łomża |
    łódź | ōgaki | ōita | ōme | ōmuta | ōnojō | ōsaki | ōshū | ōta | ōtsu | śródmieście |
    świdnica | świętochłowice | şabyā | şabāḩ as sālim | şalālah | şanlıurfa | şaḩam | şişli |
    ţahţā | ţalkhā | ţarţūs | ţimā | ţūz khūrmātū | ŭllyul | żoliborz | żory | ḩadā'iq al qubbah
    | ḩalwān | ḩamāh | ḩawallī | ḩayy khildā | ṣuwayliḥ
    """
)

# Matched only when capitalised (New Haven, Cape Town, Turkey): a word of theirs is also an ordinary
# English word.
PLACES_CAPITALISED = _places(
    """
    apple valley | as salt | bang sue | bat yam | bath | baton rouge | battle creek | blue
    mountains | blue springs | boa vista | borough park | bossier city | bowling green | broken
    arrow | business bay | can tho | canary wharf | canton | canyon country | cape coast | cape
    coral | cape town | carol city | castle rock | cathedral city | cedar park | cedar rapids |
    center city | central city | central coast | chad | chapel hill | cherry hill | chile |
    china | chino hills | citrus heights | coconut creek | college station | cologne | commerce
    city | cook islands | coon rapids | coral gables | coral springs | cork | council bluffs |
    cypress hills | dale city | dam dam | deer valley | diamond bar | east independence | east
    orange | east village | elk grove | enchanted hills | equatorial guinea | fall river |
    federal way | financial district | flower mound | forest hills | fort smith | fort worth |
    fountain valley | french southern territories | garden grove | gold coast | grand forks |
    grand island | grand junction | grand prairie | grand rapids | great falls | green bay |
    guinea | ha long | hacienda heights | high peak | high point | highlands ranch | hung yen |
    international city | isle of man | ivory coast | ivory park | japan | jersey | jersey city |
    johns creek | kings bridge | la mesa | lake forest | league city | lee's summit | limerick |
    little rock | long beach | madras | maple grove | maple ridge | mecca | medicine hat |
    middle east | model town | morocco | mount pleasant | mount prospect | mountain view | my
    tho | national city | near north side | new haven | new jersey | new south wales | new
    territories | north bay | north delta | north hills | north little rock | north port | north
    shore | oak lawn | oak park | overland park | oxford | ozone park | palm bay | palm beach
    gardens | palm coast | palm desert | palm harbor | park slope | pine hills | point cook |
    port orange | port said | portage park | queens | queens village | rapid city | red deer |
    redwood city | reunion | rock hill | rocky mount | rogers park | round rock | royal oak |
    saint cloud | saint john | saint martin | saint peters | salt lake city | sandy hills |
    sandy springs | silicon valley | silver spring | son la | south bend | south gate | south
    hill | south ozone park | south shields | south shore | south surrey | soviet union | spring
    hill | spring valley | sterling heights | stoney creek | sugar land | sunrise manor | sunset
    park | sunshine coast | tan an | the hammocks | the villages | the woodlands | thousand oaks
    | thunder bay | toms river | turkey | union city | united kingdom | united states | united
    states minor outlying islands | universal city | university heights | upper west side |
    valley glen | wadi as sir | wales | wall street | walnut creek | wellington | west bank |
    west coon rapids | west haven | west palm beach | west ridge | west town | west valley city
    | white plains | woodland hills
    """
)
