"""Vietnamese wording for the synthetic corpus (data only, written for this project).

Nothing here is copied from a real document: topics, task phrases and filler
sentences are generic administrative Vietnamese in the register of the seeds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    """One policy theme a campaign of documents is about."""

    about: str
    """Trích yếu tail: "về tăng cường ..." (without "về")."""
    scheme: str
    """Title of the Đề án a Prime Minister's decision approves."""
    ministry: str
    """Central lead agency."""
    department: str
    """Provincial lead Sở."""
    commune_office: str
    """Commune-level lead office."""
    tasks: tuple[str, ...]
    """Verb phrases of duties (lower case, no final punctuation)."""
    targets: tuple[tuple[str, int, int, str], ...]
    """(template with {q}, low, high, unit): "hoàn thành ít nhất {q} căn nhà ở xã hội"."""


TOPICS: tuple[Topic, ...] = (
    Topic(
        "đẩy mạnh phát triển nhà ở xã hội cho người thu nhập thấp",
        "Phát triển ít nhất 500 nghìn căn nhà ở xã hội cho người lao động giai đoạn 2026-2030",
        "Bộ Xây dựng",
        "Sở Xây dựng",
        "Phòng Kinh tế",
        (
            "rà soát quỹ đất dành cho nhà ở xã hội và công bố danh mục dự án",
            "đôn đốc chủ đầu tư đẩy nhanh tiến độ các dự án nhà ở xã hội đang triển khai",
            "hướng dẫn người dân lập hồ sơ mua, thuê mua nhà ở xã hội",
            "thẩm định giá bán, giá cho thuê nhà ở xã hội theo quy định",
        ),
        (
            ("hoàn thành ít nhất {q} căn nhà ở xã hội", 300, 9000, "căn"),
            ("bảo đảm {q}% hộ nghèo có nhu cầu được hỗ trợ cải thiện nhà ở", 60, 100, "%"),
        ),
    ),
    Topic(
        "chuyển đổi số và phát triển chính quyền số",
        "Phát triển hạ tầng số và dữ liệu dùng chung phục vụ chính quyền số đến năm 2030",
        "Bộ Khoa học và Công nghệ",
        "Sở Khoa học và Công nghệ",
        "Văn phòng HĐND và UBND",
        (
            "xây dựng cơ sở dữ liệu dùng chung và kết nối với hệ thống thông tin của cấp trên",
            "nâng cấp hạ tầng mạng, bảo đảm an toàn thông tin cho các hệ thống dùng chung",
            "tổ chức bồi dưỡng kỹ năng số cho cán bộ, công chức",
            "đưa dịch vụ công trực tuyến toàn trình vào vận hành",
        ),
        (
            ("{q}% hồ sơ thủ tục hành chính được xử lý trực tuyến", 70, 100, "%"),
            ("ít nhất {q} điểm truy cập Internet công cộng được lắp đặt", 20, 900, "điểm"),
        ),
    ),
    Topic(
        "xây dựng nông thôn mới gắn với giảm nghèo bền vững",
        "Nâng cao chất lượng xây dựng nông thôn mới và giảm nghèo đa chiều giai đoạn 2026-2030",
        "Bộ Nông nghiệp và Môi trường",
        "Sở Nông nghiệp và Môi trường",
        "Phòng Kinh tế",
        (
            "rà soát bộ tiêu chí nông thôn mới và xây dựng lộ trình đạt chuẩn",
            "hỗ trợ hộ nghèo phát triển sinh kế, chuyển đổi cơ cấu cây trồng, vật nuôi",
            "huy động nguồn lực xã hội hóa đầu tư đường giao thông nông thôn",
            "tổng hợp, đánh giá kết quả giảm nghèo và đề xuất giải pháp",
        ),
        (
            ("giảm tỷ lệ hộ nghèo xuống dưới {q}%", 1, 5, "%"),
            ("cứng hóa thêm ít nhất {q} km đường giao thông nông thôn", 15, 2400, "km"),
        ),
    ),
    Topic(
        "tăng cường công tác phòng, chống thiên tai và ứng phó biến đổi khí hậu",
        "Nâng cao năng lực phòng, chống thiên tai dựa vào cộng đồng đến năm 2030",
        "Bộ Nông nghiệp và Môi trường",
        "Sở Nông nghiệp và Môi trường",
        "Ban Chỉ huy Quân sự",
        (
            "kiện toàn ban chỉ huy phòng thủ dân sự và phân công trực ban",
            "rà soát, cập nhật phương án sơ tán dân ở vùng có nguy cơ sạt lở, ngập lụt",
            "tổ chức diễn tập ứng phó thiên tai ở cơ sở",
            "dự trữ vật tư, phương tiện cứu hộ theo phương châm bốn tại chỗ",
        ),
        (
            ("{q}% thôn, tổ dân phố có đội xung kích phòng, chống thiên tai", 80, 100, "%"),
            ("di dời ít nhất {q} hộ dân ra khỏi vùng nguy hiểm", 40, 3000, "hộ"),
        ),
    ),
    Topic(
        "phát triển văn hóa đọc trong cộng đồng",
        "Phát triển văn hóa đọc và hệ thống thư viện cơ sở giai đoạn 2026-2030",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Phòng Văn hóa - Xã hội",
        (
            "củng cố thư viện, tủ sách ở nhà văn hóa thôn, tổ dân phố",
            "tổ chức ngày hội đọc sách và các cuộc thi giới thiệu sách",
            "số hóa tài liệu địa chí và chia sẻ trên thư viện số",
            "phối hợp với nhà trường xây dựng thói quen đọc cho học sinh",
        ),
        (
            ("{q}% trường học có thư viện đạt chuẩn", 60, 100, "%"),
            ("bổ sung ít nhất {q} bản sách cho thư viện cơ sở", 500, 60000, "bản"),
        ),
    ),
    Topic(
        "bảo đảm an toàn thực phẩm trong tình hình mới",
        "Kiểm soát an toàn thực phẩm theo chuỗi giá trị đến năm 2030",
        "Bộ Y tế",
        "Sở Y tế",
        "Phòng Văn hóa - Xã hội",
        (
            "kiểm tra cơ sở sản xuất, kinh doanh thực phẩm theo kế hoạch",
            "tuyên truyền kiến thức an toàn thực phẩm cho người sản xuất và người tiêu dùng",
            "xây dựng mô hình chợ bảo đảm an toàn thực phẩm",
            "điều tra, xử lý kịp thời các vụ ngộ độc thực phẩm",
        ),
        (
            ("{q}% cơ sở sản xuất thực phẩm được cấp giấy chứng nhận đủ điều kiện", 70, 100, "%"),
            ("xây dựng ít nhất {q} chợ bảo đảm an toàn thực phẩm", 1, 120, "chợ"),
        ),
    ),
    Topic(
        "đẩy mạnh cải cách hành chính và nâng cao chỉ số hài lòng của người dân",
        "Đơn giản hóa thủ tục hành chính và quy định kinh doanh giai đoạn 2026-2030",
        "Bộ Nội vụ",
        "Sở Nội vụ",
        "Văn phòng HĐND và UBND",
        (
            "rà soát, đề xuất cắt giảm thủ tục hành chính không cần thiết",
            "công khai quy trình giải quyết thủ tục hành chính tại bộ phận một cửa",
            "khảo sát mức độ hài lòng của người dân, doanh nghiệp",
            "chấn chỉnh kỷ luật, kỷ cương hành chính trong thi hành công vụ",
        ),
        (
            ("mức độ hài lòng của người dân đạt trên {q}%", 85, 99, "%"),
            ("cắt giảm ít nhất {q}% thời gian giải quyết thủ tục hành chính", 20, 50, "%"),
        ),
    ),
    Topic(
        "phòng, chống và kiểm soát ma túy",
        "Xây dựng xã, phường không ma túy giai đoạn 2026-2030",
        "Bộ Công an",
        "Công an tỉnh",
        "Công an xã",
        (
            "rà soát, lập danh sách người sử dụng trái phép chất ma túy trên địa bàn",
            "tổ chức cai nghiện và quản lý sau cai nghiện tại cộng đồng",
            "tuyên truyền tác hại của ma túy trong trường học",
            "tấn công, trấn áp tội phạm ma túy theo chuyên đề",
        ),
        (
            ("ít nhất {q}% xã, phường đạt tiêu chí không ma túy", 30, 80, "%"),
            ("{q}% người nghiện có hồ sơ quản lý được tiếp nhận điều trị", 80, 100, "%"),
        ),
    ),
)

PROVINCE_AGENCIES: tuple[str, ...] = (
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Công Thương",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Công an tỉnh",
    "Thuế tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh",
)

PROVINCE_PARTY_AGENCIES: tuple[str, ...] = (
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Đảng ủy Ủy ban nhân dân tỉnh",
)

COMMUNE_AGENCIES: tuple[str, ...] = (
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Văn phòng HĐND và UBND",
    "Công an xã",
    "Ban Chỉ huy Quân sự",
    "Trung tâm Phục vụ hành chính công",
)

COMMUNE_PARTY_AGENCIES: tuple[str, ...] = (
    "Ủy ban nhân dân xã",
    "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
    "Văn phòng Đảng ủy",
    "Ban Xây dựng Đảng",
    "Các chi bộ trực thuộc",
)

CENTRAL_PARTY_AGENCIES: tuple[str, ...] = (
    "Đảng ủy Chính phủ",
    "Ban Tuyên giáo và Dân vận Trung ương",
    "Ban Tổ chức Trung ương",
    "Ủy ban Kiểm tra Trung ương",
    "Đảng ủy Quốc hội",
    "Văn phòng Trung ương Đảng",
)

CENTRAL_AGENCIES: tuple[str, ...] = (
    "Bộ Tài chính",
    "Bộ Nội vụ",
    "Bộ Tư pháp",
    "Bộ Xây dựng",
    "Bộ Công Thương",
    "Bộ Y tế",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Khoa học và Công nghệ",
    "Ngân hàng Nhà nước Việt Nam",
)

DEADLINES: tuple[str, ...] = (
    "trong quý II/{y}",
    "trong quý IV/{y}",
    "hằng năm",
    "trước ngày 15/12/{y}",
    "trước ngày 30/6/{y}",
    "định kỳ 6 tháng",
    "trong năm {y}",
)

PURPOSE_SENTENCES: tuple[str, ...] = (
    "Quán triệt sâu sắc và tổ chức thực hiện nghiêm túc, đồng bộ các nhiệm vụ, giải pháp đã đề ra, tạo chuyển biến rõ nét trong nhận thức và hành động của cán bộ, đảng viên và Nhân dân.",
    "Xác định cụ thể nội dung công việc, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị trong quá trình triển khai thực hiện.",
    "Nâng cao vai trò lãnh đạo của cấp ủy, hiệu lực quản lý của chính quyền và sự tham gia của Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội.",
    "Tăng cường phối hợp giữa các ngành, các cấp, huy động sự tham gia của doanh nghiệp và người dân, bảo đảm sử dụng hiệu quả nguồn lực.",
    "Gắn việc thực hiện với nhiệm vụ phát triển kinh tế - xã hội của địa phương, phù hợp với điều kiện thực tế và khả năng cân đối ngân sách.",
)

REQUIREMENT_SENTENCES: tuple[str, ...] = (
    "Việc triển khai phải bám sát mục tiêu, nhiệm vụ được giao, có trọng tâm, trọng điểm và lộ trình phù hợp.",
    "Các cơ quan, đơn vị chủ động xây dựng kế hoạch cụ thể, định kỳ báo cáo kết quả và kịp thời đề xuất tháo gỡ khó khăn, vướng mắc.",
    "Bảo đảm công khai, minh bạch, đúng quy định của pháp luật; phát huy vai trò giám sát của Nhân dân.",
    "Thường xuyên kiểm tra, đôn đốc, sơ kết, rút kinh nghiệm để điều chỉnh giải pháp cho phù hợp.",
)

MEASURE_SENTENCES: tuple[str, ...] = (
    "Đẩy mạnh công tác thông tin, tuyên truyền bằng nhiều hình thức phù hợp với từng nhóm đối tượng, chú trọng nền tảng số và hệ thống truyền thanh cơ sở.",
    "Hoàn thiện cơ chế phối hợp, phân định rõ trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo và tổ chức thực hiện.",
    "Ưu tiên bố trí nguồn lực từ ngân sách nhà nước, đồng thời huy động các nguồn vốn hợp pháp khác theo quy định.",
    "Tăng cường kiểm tra, giám sát việc thực hiện, kịp thời biểu dương các tập thể, cá nhân có thành tích và xử lý nghiêm các vi phạm.",
    "Ứng dụng công nghệ thông tin trong theo dõi, tổng hợp tiến độ, bảo đảm số liệu thống nhất, kết nối từ cơ sở đến cấp trên.",
    "Nâng cao chất lượng đội ngũ cán bộ làm công tác chuyên môn, bồi dưỡng kiến thức và kỹ năng cần thiết.",
    "Rà soát, sửa đổi các quy định không còn phù hợp, kịp thời đề xuất cấp có thẩm quyền ban hành cơ chế, chính sách đặc thù.",
    "Lồng ghép nội dung thực hiện vào chương trình, kế hoạch công tác hằng năm của từng cơ quan, đơn vị và địa phương.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể trong vận động Nhân dân tham gia, đồng thời giám sát, phản biện xã hội.",
    "Đẩy mạnh hợp tác, học tập kinh nghiệm của các địa phương làm tốt, nhân rộng các mô hình hiệu quả.",
    "Xây dựng bộ chỉ số theo dõi, đánh giá kết quả thực hiện, công khai định kỳ trên Cổng thông tin điện tử.",
    "Chú trọng công tác sơ kết, tổng kết, đánh giá khách quan kết quả đạt được, chỉ rõ nguyên nhân của hạn chế và bài học kinh nghiệm.",
)

FAMILY_NAMES: tuple[str, ...] = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
)
MIDDLE_NAMES: tuple[str, ...] = ("Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Công")
GIVEN_NAMES: tuple[str, ...] = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hà",
    "Hải",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Vinh",
)

BASIS_LAWS: tuple[str, ...] = (
    "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
    "Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 2 năm 2025",
    "Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015",
)
